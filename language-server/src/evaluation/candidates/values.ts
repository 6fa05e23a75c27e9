import { getLocale } from '../../i18n/locale.js';
import type { ValeurCompetence, ValeurCritere } from '../types.js';

/** Forme comparable d'une valeur saisie : minuscules, espaces réduites, tirets lus comme espaces. */
function normalize(text: string): string {
    // Une cohorte répète les mêmes quelques valeurs (« A », « NA », « S »…) : leur forme est gardée.
    let normalized = normalized_.get(text);
    if (normalized === undefined) {
        normalized = text.trim().toLocaleLowerCase('fr').replace(/[-_\s\u00A0\u202F]+/g, ' ');
        if (normalized_.size >= 1_000) normalized_.clear();
        normalized_.set(text, normalized);
    }
    return normalized;
}
const normalized_ = new Map<string, string>();

const COMPETENCE: Record<string, ValeurCompetence> = {
    'a': 'acquise', 'acquise': 'acquise', 'acquis': 'acquise',
    'na': 'non acquise', 'non acquise': 'non acquise', 'non acquis': 'non acquise'
};
const CRITERE: Record<string, ValeurCritere> = {
    's': 'satisfait', 'satisfait': 'satisfait',
    'ns': 'non satisfait', 'non satisfait': 'non satisfait'
};

/** Résultat d'une compétence (A, NA, acquise, non acquise, acquis, non acquis ; casse indifférente). */
export function parseCompetence(text: string): ValeurCompetence | undefined {
    return COMPETENCE[normalize(text)];
}

/** Résultat d'un critère (S, NS, satisfait, non satisfait ; casse indifférente). */
export function parseCritere(text: string): ValeurCritere | undefined {
    return CRITERE[normalize(text)];
}

const FAIT: Record<string, boolean> = {
    'oui': true, 'o': true, 'vrai': true, '1': true, 'yes': true, 'true': true,
    'non': false, 'n': false, 'faux': false, '0': false, 'no': false, 'false': false
};

/** Un fait oui/non (oui, non, vrai, faux, 1, 0 ; casse indifférente). */
export function parseFait(text: string): boolean | undefined {
    const key = normalize(text);
    return Object.prototype.hasOwnProperty.call(FAIT, key) ? FAIT[key] : undefined;
}

const NUMBER = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** Un nombre écrit avec une virgule (« 12,5 ») ou un point (« 12.5 ») décimal. */
export function parseDecimal(text: string): number | undefined {
    const t = text.trim();
    if (!NUMBER.test(t)) return undefined;
    const n = Number(t.replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
}

/** Une date AAAA-MM-JJ qui existe. */
export function isIsoDate(value: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** AAAA-MM-JJ ou JJ/MM/AAAA (comme l'écrit un tableur français) → AAAA-MM-JJ, ou undefined. */
export function parseDate(text: string): string | undefined {
    const t = text.trim();
    if (isIsoDate(t)) return t;
    const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t);
    if (m) {
        const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
        if (isIsoDate(iso)) return iso;
    }
    return undefined;
}

/** Une date JavaScript (cellule de tableur) → AAAA-MM-JJ. */
export function dateToIso(date: Date): string | undefined {
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** Un numéro de série de date Excel (jours depuis le 30/12/1899) → AAAA-MM-JJ. */
export function excelSerialToIso(serial: number): string | undefined {
    if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
    return dateToIso(new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000));
}

/** Un nombre pour un message : virgule décimale en français. */
export function formatNumber(n: number): string {
    const text = String(n);
    return getLocale() === 'fr' ? text.replace('.', ',') : text;
}
