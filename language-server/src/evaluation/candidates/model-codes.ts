import { canonicalCode, suggest } from '../../codes.js';
import { msg } from '../../i18n/messages.js';
import type { CodedElement, ReferentielModel } from '../../model/referentiel-model.js';
import { shownValue } from './problems.js';
import './fact-messages.js';

/** Les sortes de codes qu'un fichier de candidat peut nommer. */
export type Noun = 'competence' | 'critere' | 'epreuve' | 'mesure' | 'fait' | 'bloc';

/** La section du JSON où se range chaque sorte de résultat. */
export const SECTION_OF: Record<Exclude<Noun, 'bloc'>, string> = {
    competence: 'competences', critere: 'criteres', epreuve: 'epreuves', mesure: 'mesures', fait: 'faits'
};

export interface EpreuveInfo { readonly code: string; readonly bareme?: number }
export interface MesureInfo { readonly code: string; readonly unite: string }

/** Ce que les lecteurs de candidats ont besoin de savoir d'un référentiel, par code canonique. */
export interface ModelCodes {
    readonly model: ReferentielModel;
    readonly competences: ReadonlyMap<string, string>;
    readonly criteres: ReadonlyMap<string, string>;
    readonly epreuves: ReadonlyMap<string, EpreuveInfo>;
    readonly mesures: ReadonlyMap<string, MesureInfo>;
    readonly faits: ReadonlyMap<string, string>;
    readonly blocs: ReadonlyMap<string, string>;
    /**
     * Les blocs d'autres fiches déclarés équivalents (« équivalent à RNCP…BC02 ») : un candidat
     * peut les avoir acquis (blocsAcquis) pour valider le bloc d'ici par équivalence.
     */
    readonly equivalentBlocs: ReadonlyMap<string, string>;
    /** Le type d'élément d'un code canonique (« Bloc », « Competence »…), s'il est déclaré. */
    typeOf(canonical: string): CodedElement['$type'] | undefined;
}

const cache = new WeakMap<ReferentielModel, ModelCodes>();

export function modelCodes(model: ReferentielModel): ModelCodes {
    let codes = cache.get(model);
    if (!codes) {
        codes = compute(model);
        cache.set(model, codes);
    }
    return codes;
}

function compute(model: ReferentielModel): ModelCodes {
    const all = [model, ...model.socles];
    const competences = new Map<string, string>();
    const criteres = new Map<string, string>();
    const epreuves = new Map<string, EpreuveInfo>();
    const mesures = new Map<string, MesureInfo>();
    const blocs = new Map<string, string>();
    const faits = new Map<string, string>();
    const equivalentBlocs = new Map<string, string>();
    const put = (map: Map<string, string>, name: string | undefined): void => {
        if (name && !map.has(canonicalCode(name))) map.set(canonicalCode(name), name);
    };
    for (const m of all) {
        for (const c of m.competences) put(competences, c.name);
        for (const c of m.criteres) put(criteres, c.name);
    }
    for (const list of model.competencesOfBloc.values()) {
        for (const c of list) put(competences, c.name);
    }
    for (const b of model.blocs) put(blocs, b.name);
    for (const b of model.blocs) for (const e of b.equivalences) put(equivalentBlocs, e.bloc);
    for (const f of model.faits) put(faits, f.name);
    for (const e of model.epreuves) {
        if (e.name && !epreuves.has(canonicalCode(e.name))) {
            epreuves.set(canonicalCode(e.name), { code: e.name, bareme: typeof e.bareme === 'number' ? e.bareme : undefined });
        }
    }
    for (const e of model.mesures) {
        if (e.name && !mesures.has(canonicalCode(e.name))) {
            mesures.set(canonicalCode(e.name), { code: e.name, unite: e.unite ?? '' });
        }
    }
    const typeOf = (canonical: string): CodedElement['$type'] | undefined => {
        for (const m of all) {
            const found = m.byCode.get(canonical);
            if (found && found.length > 0) return found[0].$type;
        }
        return undefined;
    };
    return { model, competences, criteres, epreuves, mesures, faits, blocs, equivalentBlocs, typeOf };
}

/** Les codes d'une sorte, tels qu'écrits dans le référentiel. */
export function codesOf(codes: ModelCodes, noun: Noun): string[] {
    switch (noun) {
        case 'competence': return [...codes.competences.values()];
        case 'critere': return [...codes.criteres.values()];
        case 'epreuve': return [...codes.epreuves.values()].map(e => e.code);
        case 'mesure': return [...codes.mesures.values()].map(e => e.code);
        case 'fait': return [...codes.faits.values()];
        default: return [...codes.blocs.values(), ...codes.equivalentBlocs.values()];
    }
}

/** Le code est-il déclaré dans cette sorte ? */
export function hasCode(codes: ModelCodes, noun: Noun, code: string): boolean {
    const key = canonicalCode(code);
    switch (noun) {
        case 'competence': return codes.competences.has(key);
        case 'critere': return codes.criteres.has(key);
        case 'epreuve': return codes.epreuves.has(key);
        case 'mesure': return codes.mesures.has(key);
        case 'fait': return codes.faits.has(key);
        default: return codes.blocs.has(key) || codes.equivalentBlocs.has(key);
    }
}

const NOUN_OF_TYPE: Partial<Record<CodedElement['$type'], Exclude<Noun, 'bloc'>>> = {
    Competence: 'competence', Critere: 'critere', Epreuve: 'epreuve', Mesure: 'mesure', Fait: 'fait'
};

/** La sorte de résultat d'un type d'élément (undefined pour un bloc, une activité…). */
export function resultNounOf(type: CodedElement['$type'] | undefined): Exclude<Noun, 'bloc'> | undefined {
    return type ? NOUN_OF_TYPE[type] : undefined;
}

/** « Vouliez-vous dire C1.1 ou C1.2 ? » (avec une espace devant), ou ''. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
    const close = suggest(name, candidates);
    return close.length > 0 ? ' ' + msg('link.didYouMean', { names: close.join(msg('syntax.or')) }) : '';
}

/**
 * Le message d'un code inconnu : suggestion proche, sinon la liste des codes de cette sorte
 * quand elle est courte.
 */
export function unknownCodeMessage(codes: ModelCodes, noun: Noun, code: string, where: string): string {
    const known = codesOf(codes, noun);
    let suggestion = didYouMean(code, known);
    if (!suggestion) {
        if (known.length === 0 && (noun === 'epreuve' || noun === 'mesure' || noun === 'fait')) {
            suggestion = ' ' + msg(`cand.known.none.${noun}`);
        } else if (known.length > 0 && known.length <= 12) {
            suggestion = ' ' + msg(`cand.known.${noun}`, { codes: known.join(', ') });
        }
    }
    return msg('cand.code.unknown', { where, ref: codes.model.code, deNoun: msg(`cand.deNoun.${noun}`), code: shownValue(code), suggestion });
}
