/** The "New deal" form (`POST /deals`): what was typed, what is wrong with it in words, and the body sent. */

export interface LineRow {
  readonly productCode: string;
  readonly amount: string;
  readonly quantity: string;
}

export interface NewDealForm {
  readonly name: string;
  readonly account: string;
  readonly industry: string;
  readonly currency: string;
  readonly amount: string;
  readonly lines: readonly LineRow[];
}

export const EMPTY_DEAL: NewDealForm = { name: '', account: '', industry: '', currency: 'EUR', amount: '', lines: [] };
export const EMPTY_LINE: LineRow = { productCode: '', amount: '', quantity: '1' };

const MONEY = /^\d{1,15}([.,]\d{1,4})?$/;
const SCALE = 4;

/** A decimal amount in ten-thousandths, exactly (no float), or undefined when it is not an amount. */
export function tenThousandths(amount: string): bigint | undefined {
  const text = amount.trim().replace(',', '.');
  if (!MONEY.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0'));
}

const decimal = (value: bigint): string => {
  const unit = 10n ** BigInt(SCALE);
  let fraction = (value % unit).toString().padStart(SCALE, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${value / unit}.${fraction}`;
};

const blank = (line: LineRow) => !line.productCode.trim() && !line.amount.trim();

/** What is wrong with the form, in words; empty when it may be sent. */
export function newDealProblems(form: NewDealForm): string[] {
  const problems: string[] = [];
  if (!form.name.trim()) problems.push('Name is required.');
  if (!form.account.trim()) problems.push('Account is required.');
  if (!/^[A-Za-z]{3}$/.test(form.currency.trim())) problems.push('Currency must be a three-letter code such as EUR.');
  const amount = tenThousandths(form.amount);
  if (amount === undefined) problems.push('Amount must be an amount such as 60000.00.');
  const lines = form.lines.filter((l) => !blank(l));
  lines.forEach((line, i) => {
    if (!line.productCode.trim()) problems.push(`Line ${i + 1}: Product is required.`);
    if (tenThousandths(line.amount) === undefined) problems.push(`Line ${i + 1}: Amount must be an amount such as 60000.00.`);
    if (!/^[1-9]\d{0,6}$/.test(line.quantity.trim())) problems.push(`Line ${i + 1}: Quantity must be a whole number from 1.`);
  });
  const amounts = lines.map((l) => tenThousandths(l.amount));
  if (amount !== undefined && lines.length && amounts.every((a) => a !== undefined)) {
    const total = amounts.reduce<bigint>((sum, a) => sum + (a as bigint), 0n);
    if (total !== amount) problems.push(`The lines add up to ${decimal(total)}, not ${decimal(amount)}: the amount is their sum.`);
  }
  return problems;
}

/** The body of `POST /deals`; the owner is the caller (the API's default). */
export function newDealBody(form: NewDealForm): Record<string, unknown> {
  const lines = form.lines.filter((l) => !blank(l));
  return {
    name: form.name.trim(),
    account: { name: form.account.trim(), ...(form.industry.trim() ? { industry: form.industry.trim() } : {}) },
    currency: form.currency.trim().toUpperCase(),
    expectedAmount: form.amount.trim().replace(',', '.'),
    ...(lines.length
      ? { lineItems: lines.map((l) => ({ productCode: l.productCode.trim(), amount: l.amount.trim().replace(',', '.'), quantity: Number(l.quantity.trim()) })) }
      : {}),
  };
}
