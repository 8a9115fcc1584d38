/**
 * The nonce a page's Content-Security-Policy allows its own scripts and styles by: 16 random bytes
 * (Web Crypto, which Node 20, the extension host and browsers all have) in base64, new for each page
 * written or loaded. Pure, so the eval report (backends) and the webview pages (extension) share it.
 */
export function newCspNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
