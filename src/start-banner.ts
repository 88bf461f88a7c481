import type { AddressInfo } from 'node:net';

/** The demo web chat's people, as web/index.html links them: one tab per role. */
export const DEMO_USERS = [
  { user: 'claire', role: 'présidente du jury' },
  { user: 'marc', role: 'juré' },
  { user: 'ines', role: 'jurée' },
  { user: 'lea', role: 'candidate (répétition)' },
] as const;

/**
 * The address a browser on this machine uses: localhost for a loopback or wildcard
 * interface (what the README and the links say), the interface itself otherwise.
 */
export function localBaseUrl(address: AddressInfo): string {
  const local = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(address.address) || address.address.startsWith('127.');
  const host = local ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * What `npm start` tells a person, in plain French: where to go. With app credentials
 * there is no web chat, only the health check and the messaging endpoint.
 */
export function startBanner(baseUrl: string, webChat: boolean): string {
  const lines = ['', 'Jury CQP est démarré.'];
  if (webChat) {
    lines.push('', 'Chat de démonstration — ouvrez une adresse par personne, chacune dans son onglet :');
    const width = Math.max(...DEMO_USERS.map(({ role }) => role.length));
    for (const { user, role } of DEMO_USERS) lines.push(`  ${role.padEnd(width)}  ${baseUrl}/?user=${user}`);
    lines.push("  (n'importe quel autre prénom convient : ?user=zoé ; identités déclarées, données de démonstration)");
  }
  lines.push(
    '',
    `État du bot : ${baseUrl}/healthz`,
    `Point d'entrée des messages (Bot Framework) : ${baseUrl}/api/messages`,
    '',
    'Ctrl-C arrête le bot.',
    '',
  );
  return lines.join('\n');
}
