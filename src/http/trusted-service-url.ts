/** 127.0.0.0/8, ::1 and localhost: this machine. */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * Where the bot may post replies and proactive messages. Without app
 * credentials no token vouches for the caller, so only this machine (the local
 * web chat, the Agents Playground) is trusted; with credentials, botbuilder
 * checks the token's serviceUrl claim and the channel's address is trusted.
 */
export function serviceUrlTrust(withCredentials: boolean): (url: string) => boolean {
  return withCredentials ? () => true : isLoopbackUrl;
}
