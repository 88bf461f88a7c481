import type { Translate } from '../../i18n/translate.js';
import type { HeaderView } from './views.js';

export interface Fact {
  title: string;
  value: string;
}

/**
 * The guide's four header fields, in its order. `people` is one member (report:
 * "Nom et fonction du membre du jury…") or the whole jury (frame, code).
 */
export function headerFacts(header: HeaderView, t: Translate, people: 'member' | 'members'): Fact[] {
  return [
    { title: t('card.header.date'), value: header.date },
    { title: t(people === 'member' ? 'card.header.member' : 'card.header.members'), value: header.people },
    { title: t('card.header.candidate'), value: header.candidate },
    { title: t('card.header.company'), value: header.company },
  ];
}
