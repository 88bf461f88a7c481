import type restify from 'restify';
import type { Config } from '../config.js';
import { translator } from '../i18n/translate.js';
import { PDF_LINK_TTL_MS } from '../pdf/index.js';

/**
 * The two pages the Teams manifest points at (developer.privacyUrl and termsOfUseUrl), in
 * French, served in every mode at stable paths. Facts come from the code where they live
 * there (link lifetime, command names), so the page cannot drift from what the bot does.
 */
export const PRIVACY_PATH = '/confidentialite';
export const TERMS_PATH = '/conditions';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} — Jury CQP</title>
  <link rel="icon" href="data:,">
  <style>
    body { margin: 0 auto; max-width: 46rem; padding: 1rem 1.25rem 3rem; font: 1rem/1.55 "Segoe UI", system-ui, sans-serif; color: #1b1f24; }
    h1 { font-size: 1.6rem; margin: 1rem 0 0.5rem; color: #2f4f7f; }
    h2 { font-size: 1.15rem; margin: 1.6rem 0 0.4rem; }
    li { margin: 0.25rem 0; }
    a { color: #1d4ed8; }
    footer { margin-top: 2rem; font-size: 0.9rem; color: #4b5563; }
  </style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Who answers requests: ISSUER_NAME when the operator set it. */
function operator(config: Config): string {
  return config.ISSUER_NAME ? escapeHtml(config.ISSUER_NAME) : "l'organisme qui a mis ce bot à votre disposition dans Teams";
}

export function privacyPage(config: Config): string {
  const t = translator('fr');
  const linkMinutes = Math.round(PDF_LINK_TTL_MS / 60_000);
  const command = (key: Parameters<typeof t>[0]): string => `<strong>« ${escapeHtml(t(key))} »</strong>`;
  return page(
    'Confidentialité',
    `<h1>Confidentialité des données du bot Jury CQP</h1>
<p>Le bot Jury CQP aide les jurys et les professionnels à évaluer les candidats au CQP, et les candidats à s'entraîner aux jeux de rôles.
Il est exploité par ${operator(config)}, qui répond aux demandes concernant ces données.</p>

<h2>Ce qui est enregistré</h2>
<ul>
  <li>Votre nom et votre fonction, tels que vous les donnez au bot, et la langue de votre Teams.</li>
  <li>Pour chaque évaluation : la date, le nom, le prénom et l'entreprise du candidat, les membres du jury ; la grille de chaque membre (notes, sources, questions posées, pourcentages, commentaires) ; les heures de début et de fin de l'entretien ; la synthèse du président (pourcentages retenus, commentaire, signature) et ses versions remplacées.</li>
  <li>Le journal de l'évaluation : qui a modifié quoi et quand, avec la valeur avant et après.</li>
  <li>Pour un candidat qui s'entraîne : ses répétitions (réponses, bilans, historique).</li>
  <li>Ce qu'il faut pour vous écrire de lui-même (identifiant de la conversation Teams) et les messages en attente d'envoi.</li>
</ul>
<p>Les journaux techniques du serveur ne contiennent ni noms, ni notes, ni commentaires, ni texte de message : seulement des identifiants chiffrés (hachés) et des résultats d'opérations.
Aucune donnée n'est envoyée à un service d'intelligence artificielle : le client des jeux de rôles est joué d'après les fiches officielles.</p>

<h2>Qui les voit</h2>
<ul>
  <li>Chaque membre du jury ne voit que sa propre grille. Tant que la collecte des grilles n'est pas close, le président voit qui a rejoint et qui a soumis, et le temps d'entretien, jamais les valeurs.</li>
  <li>Une fois la collecte close, le président voit les grilles soumises ; à la signature, chaque membre reçoit la synthèse et peut en ouvrir le PDF par un lien personnel valable ${linkMinutes} minutes.</li>
  <li>Dans une conversation de groupe, le bot ne montre aucune grille ni aucun pourcentage.</li>
  <li>Les candidats et les personnes extérieures au jury ne voient aucune donnée d'évaluation. Les répétitions d'un candidat ne sont visibles que de lui.</li>
  <li>L'exploitant du bot a un accès technique au stockage (un dossier de son serveur ou un conteneur Azure Blob Storage de son abonnement).</li>
</ul>

<h2>Combien de temps</h2>
<ul>
  <li>Le bot n'efface rien de lui-même : les évaluations, les synthèses signées et leur journal servent à la délibération et à la traçabilité de la certification.
    Elles sont conservées aussi longtemps que l'exploitant garde son stockage ; c'est lui qui fixe la durée de conservation, selon les règles de la certification.</li>
  <li>Les répétitions d'un candidat sont conservées jusqu'à ce qu'il les efface.</li>
  <li>Les liens vers un PDF ou un export expirent après ${linkMinutes} minutes.</li>
</ul>

<h2>Comment effacer</h2>
<ul>
  <li>Un candidat efface toutes ses répétitions en écrivant ${command('command.rehearsalErase')} au bot, puis en confirmant.</li>
  <li>${command('command.cancel')} abandonne l'étape en cours sans rien effacer.</li>
  <li>Une évaluation ne s'efface pas depuis la conversation : pour consulter, rectifier ou effacer des données d'évaluation, adressez-vous à ${operator(config)}, qui peut supprimer les enregistrements de son stockage.</li>
</ul>
<footer><a href="${TERMS_PATH}">Conditions d'utilisation</a></footer>`,
  );
}

export function termsPage(config: Config): string {
  return page(
    "Conditions d'utilisation",
    `<h1>Conditions d'utilisation du bot Jury CQP</h1>
<p>Le bot Jury CQP est mis à disposition par ${operator(config)} pour préparer et conduire l'évaluation des candidats au CQP, et pour que les candidats s'entraînent.</p>
<ul>
  <li>Le bot est un outil de saisie et de mise en forme : il ne décide de rien. Les pourcentages et le commentaire sont ceux du jury ou du professionnel ; la délibération reste celle du jury de certification.</li>
  <li>Utilisez-le avec votre propre compte Teams, pour les évaluations auxquelles vous participez. Ne transmettez pas le code d'un jury ni un lien de PDF à une autre personne.</li>
  <li>N'écrivez dans les grilles que ce qui sert l'évaluation : pas de donnée sans rapport avec l'épreuve.</li>
  <li>Les textes du guide et des fiches de jeux de rôles appartiennent à leurs auteurs ; ils sont affichés tels qu'ils ont été écrits.</li>
  <li>Le service est fourni sans garantie de disponibilité ; rien de ce que vous avez enregistré n'est effacé par une interruption.</li>
</ul>
<p>Les données enregistrées, qui les voit, combien de temps et comment les effacer : voir la page <a href="${PRIVACY_PATH}">Confidentialité</a>.</p>`,
  );
}

/** GET /confidentialite and /conditions: public, cacheable, the same for everyone. */
export function registerLegalPages(server: restify.Server, config: Config): void {
  const pages: [string, string][] = [
    [PRIVACY_PATH, privacyPage(config)],
    [TERMS_PATH, termsPage(config)],
  ];
  for (const [path, html] of pages) {
    server.get(path, async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' });
      res.end(html);
    });
  }
}
