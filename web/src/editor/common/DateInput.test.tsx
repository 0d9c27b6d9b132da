// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { DateInput } from './DateInput.tsx';
import type { InputError } from './NumberInput.tsx';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('<DateInput>', () => {
  let container: HTMLDivElement;
  let root: Root;
  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  function setValue(input: HTMLInputElement, text: string) {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  async function mount(props: Partial<Parameters<typeof DateInput>[0]> & { value: string | undefined }) {
    container = document.createElement('div');
    document.body.append(container);
    const seen: (string | undefined)[] = [];
    const errors: (InputError | undefined)[] = [];
    root = createRoot(container);
    await act(async () => {
      root.render(<DateInput ariaLabel="Ngày" onChange={(v) => seen.push(v)} onError={(e) => errors.push(e)} {...props} />);
    });
    return { input: container.querySelector('input') as HTMLInputElement, seen, errors };
  }

  it('shows the date as dd/mm/yyyy and passes on "31/7/2027" only when confirmed', async () => {
    const { input, seen } = await mount({ value: '2026-08-15' });
    expect(input.value).toBe('15/08/2026');
    await act(async () => input.focus());
    await act(async () => setValue(input, '31/7/2027'));
    expect(seen).toEqual([]);
    await act(async () => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(seen).toEqual(['2027-07-31']);
    await act(async () => input.blur());
    expect(input.value).toBe('31/07/2027');
  });

  it('keeps the typed text and the previous date when the date is impossible, and says why', async () => {
    const { input, seen, errors } = await mount({ value: '2026-08-15' });
    await act(async () => input.focus());
    await act(async () => setValue(input, '15/08/202615/12/2026'));
    await act(async () => input.blur());
    expect(seen).toEqual([]);
    expect(input.value).toBe('15/08/202615/12/2026');
    expect(errors.at(-1)?.code).toBe('DATE_INVALID');
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('không phải là một ngày');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    // Fixing the text clears the reason at once; the date itself waits for confirmation.
    await act(async () => input.focus());
    await act(async () => setValue(input, '15/12/2026'));
    expect(errors.at(-1)).toBeUndefined();
    expect(container.querySelector('[role="alert"]')).toBeNull();
    expect(seen).toEqual([]);
    await act(async () => input.blur());
    expect(seen).toEqual(['2026-12-15']);
  });

  it('refuses a date outside min–max with the given reason', async () => {
    const { input, seen, errors } = await mount({ value: undefined, min: '2027-01-01', max: '2027-12-31', rangeMessage: 'Ngày giải ngân phải thuộc năm kế hoạch 2027.' });
    await act(async () => input.focus());
    await act(async () => setValue(input, '5/1/2028'));
    await act(async () => input.blur());
    expect(seen).toEqual([]);
    expect(errors.at(-1)).toEqual({ code: 'DATE_TOO_LATE', message: 'Ngày giải ngân phải thuộc năm kế hoạch 2027.' });
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Ngày giải ngân phải thuộc năm kế hoạch 2027.');
  });

  it('clears the date when emptied, unless a date is required', async () => {
    const optional = await mount({ value: '2026-08-15' });
    await act(async () => optional.input.focus());
    await act(async () => setValue(optional.input, ''));
    await act(async () => optional.input.blur());
    expect(optional.seen).toEqual([undefined]);
    await act(async () => root.unmount());
    container.remove();

    const required = await mount({ value: '2026-08-15', allowEmpty: false });
    await act(async () => required.input.focus());
    await act(async () => setValue(required.input, ' '));
    await act(async () => required.input.blur());
    expect(required.seen).toEqual([]);
    expect(required.errors.at(-1)?.code).toBe('DATE_EMPTY');
  });
});
