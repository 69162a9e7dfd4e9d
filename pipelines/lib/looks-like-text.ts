/**
 * Valid UTF-8 without control characters other than tab and line ends, in the first KiB. BER is
 * never that: its long-form tags and lengths (0x5F 0x81…, 0x7F 0x84…, 0x80) are not valid UTF-8,
 * and its short lengths are control characters.
 */
export function looksLikeText(head: Uint8Array): boolean {
  const sample = head.subarray(0, 1024);
  if (sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}
