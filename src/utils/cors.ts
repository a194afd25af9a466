/**
 * The origins a browser may call the API from with credentials: those listed in CORS_ORIGINS
 * (comma-separated) and the admin's own (PUBLIC_URL). Never `*` and never `null`: with
 * credentials allowed, either would let any page act as the signed-in user.
 */
export function allowedOrigins(listed: string | undefined, publicUrl: string | undefined): string[] {
  const origins = new Set<string>();
  for (const entry of (listed ?? '').split(',').map((item) => item.trim()).filter(Boolean)) {
    if (entry === '*' || entry === 'null') throw new Error(`CORS_ORIGINS must list origins (https://www.example.gov.cn), not "${entry}"`);
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`CORS_ORIGINS: "${entry}" is not an origin such as https://www.example.gov.cn`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`CORS_ORIGINS: "${entry}" must be an http or https origin`);
    origins.add(url.origin);
  }
  if (publicUrl) {
    try {
      origins.add(new URL(publicUrl).origin);
    } catch {
      // PUBLIC_URL is checked where the server reads it.
    }
  }
  return [...origins];
}
