// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { NumberInput, parseFigure, type InputError } from './NumberInput.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('parseFigure', () => {
  it('reads Vietnamese figures per mode', () => {
    expect(parseFigure('millions', '1.320')).toBe(1_320_000_000);
    expect(parseFigure('millions', '12,5')).toBe(12_500_000);
    expect(parseFigure('count', '6.797')).toBe(6797);
    expect(parseFigure('rate', '99,98')).toBe(99.98);
    expect(parseFigure('count', '')).toBeUndefined();
  });

  it('refuses ambiguous, negative, fractional counts and rates over 100 with codes', () => {
    expect(() => parseFigure('millions', '1,320')).toThrow(/1\.320|1,32/);
    expect(() => parseFigure('count', '-5')).toThrow('âm');
    expect(() => parseFigure('count', '2,5')).toThrow('số nguyên');
    expect(() => parseFigure('rate', '101')).toThrow('100%');
  });
});

describe('<NumberInput>', () => {
  let container: HTMLDivElement;
  afterEach(() => container.remove());

  function setValue(input: HTMLInputElement, text: string) {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('shows amounts in triệu đồng, reports valid edits in đồng and coded errors for ambiguous text', async () => {
    container = document.createElement('div');
    document.body.append(container);
    const seen: (number | undefined)[] = [];
    const errors: (InputError | undefined)[] = [];
    const root = createRoot(container);
    await act(async () => {
      root.render(<NumberInput mode="millions" ariaLabel="Số tiền" value={3_480_000_000} onChange={(v) => seen.push(v)} onError={(_, e) => errors.push(e)} />);
    });
    const input = container.querySelector('input') as HTMLInputElement;
    expect(input.value).toBe('3.480');
    await act(async () => setValue(input, '12,5'));
    expect(seen).toEqual([12_500_000]);
    await act(async () => setValue(input, '1,320'));
    expect(seen).toHaveLength(1);
    expect(errors.at(-1)?.code).toBe('NUMBER_AMBIGUOUS');
    expect(errors.at(-1)?.message).not.toContain('NUMBER_AMBIGUOUS');
    expect(input.getAttribute('data-code')).toBe('NUMBER_AMBIGUOUS');
    expect(input.getAttribute('title')).not.toContain('[');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await act(async () => root.unmount());
  });

  it('typing "12.5" over 50 leaves 50 in the report, never the 12 typed on the way; "12,5" then saves', async () => {
    container = document.createElement('div');
    document.body.append(container);
    const seen: (number | undefined)[] = [];
    const root = createRoot(container);
    let value: number | undefined = 50_000_000;
    const render = () => root.render(<NumberInput mode="millions" ariaLabel="Số tiền" value={value} onChange={(v) => { seen.push(v); value = v; render(); }} />);
    await act(async () => render());
    const input = container.querySelector('input') as HTMLInputElement;
    await act(async () => input.focus());
    for (const text of ['1', '12', '12.', '12.5']) await act(async () => setValue(input, text));
    // 1 and 12 read fine on the way; "12." does not, and the report goes back to the 50 it had.
    expect(seen).toEqual([1_000_000, 12_000_000, 50_000_000]);
    expect(value).toBe(50_000_000);
    expect(input.value).toBe('12.5');
    await act(async () => input.blur());
    expect(input.value).toBe('12.5');
    await act(async () => input.focus());
    await act(async () => setValue(input, '12,5'));
    expect(value).toBe(12_500_000);
    await act(async () => root.unmount());
  });
});
