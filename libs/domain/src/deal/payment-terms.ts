/** Terms that mean the buyer pays before or on delivery: nothing is financed. */
const UPFRONT = /^(?:(?:annual(?:ly)?|yearly|quarterly|monthly|paid|payment|pay|100%)\s+)?(?:up-?front|in advance|prepaid|prepayment|pre-payment|cash in advance|cia|cash on delivery|cod|(?:due\s+)?(?:on|upon) receipt|immediate(?:ly)?|due immediately)$/;
/** "net 30", "Net30", "net 30 days", "2/10 net 30", "2% 10, net 30": the net term counts. */
const NET = /^(?:\d+(?:\.\d+)?%?\s*\/?\s*\d+\s*,?\s*)?net\s*(\d{1,4})(?:\s*days?)?$/;
/** "30 days", "45 days net", "within 30 days". */
const DAYS = /^(?:within\s+|payable within\s+)?(\d{1,4})\s*days?(?:\s+net)?$/;

/**
 * How many days of credit payment terms give the buyer, read from the text a rep wrote: "Net 30"
 * and "30 days" are 30, "2/10 net 30" is 30 (the discount for early payment does not lengthen the
 * credit), "Annual upfront", "in advance" or "due on receipt" are 0. Anything else ("end of month",
 * "50% on signature", "net 30 EOM", "not recorded") is undefined: a term nobody can read as a
 * number of days, which the deal desk treats as beyond the limit.
 */
export function paymentTermsDays(text: string): number | undefined {
  const normalised = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (UPFRONT.test(normalised)) return 0;
  const match = NET.exec(normalised) ?? DAYS.exec(normalised);
  return match ? Number(match[1]) : undefined;
}
