import { AstUtils, GrammarAST } from 'langium';
import { blocNumber, canonicalCode } from '../codes.js';
import { ReferentielGrammar } from '../generated/grammar.js';
import { quoteTexte } from '../parser/value-converter.js';
import { namedCodes, normalizeSpaces, paragraphs, splitCompetences, type SplitStyle } from './competency-splitter.js';
import type { RncpFiche } from './rncp-reader.js';

/**
 * Une fiche RNCP → un fichier .ref.
 *
 * - en-tête : code = numéro de fiche, titre = INTITULE, rncp, niveau (NIVn → n),
 *   certificateurs (SIRET), NSF, enregistrement (JJ/MM/AAAA → AAAA-MM-JJ), statut (ACTIF) ;
 *   les « activités visées » (texte libre) deviennent une note : aucune activité n'est créée ;
 * - un bloc par BLOC_COMPETENCES (code et libellé de la fiche) ;
 * - les compétences retrouvées dans LISTE_COMPETENCES (voir competency-splitter.ts), avec
 *   leur code de la fiche, ou un code C<bloc>.<n> quand la fiche n'en donne pas ;
 * - une modalité M<bloc>.1 par bloc : consigne = le texte de MODALITES_EVALUATION ;
 *   évalue = les compétences que le texte nomme, puis les autres (une note dit lesquelles) ;
 * - les CORRESPONDANCES : « équivalent à » dans le bloc source quand la destination est un
 *   bloc ; une note sinon.
 *
 * Le registre ne contient ni critères d'évaluation ni règles d'obtention : le fichier
 * produit se vérifie sans erreur, avec des avertissements (REF102, REF007…) qui disent ce
 * qu'il reste à écrire.
 */

export const ACTIVITES_VISEES_PREFIX = 'Activités visées (fiche RNCP) : ';

export interface ImportedFicheStats {
    readonly blocs: number;
    readonly competences: number;
    /** Compétences dont la fiche ne donne pas de code (code généré). */
    readonly sansCode: number;
    /** Blocs sans liste de compétences (l'intitulé tient lieu de compétence). */
    readonly blocsSansListe: number;
    /** Styles de liste rencontrés (par bloc). */
    readonly styles: Readonly<Record<SplitStyle, number>>;
}

export interface ImportedFiche {
    readonly numero: string;
    /** Nom de fichier sûr (le numéro de fiche). */
    readonly fileName: string;
    readonly text: string;
    readonly stats: ImportedFicheStats;
}

/** Forme d'un code du langage (terminal CODE sans espace tolérée). */
const CODE_RE = /^[_a-zA-Z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]*(?:[.-][\w\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F]+)*$/;

let keywords: Set<string> | undefined;
/** Les mots-clés de la grammaire : un code ne peut pas en être un. */
function isKeyword(word: string): boolean {
    keywords ??= new Set(AstUtils.streamAllContents(ReferentielGrammar()).filter(GrammarAST.isKeyword).map(k => k.value).toArray());
    return keywords.has(word);
}

/** Un code utilisable tel quel dans un .ref. */
export function isValidCode(code: string): boolean {
    return CODE_RE.test(code) && !isKeyword(code);
}

/** JJ/MM/AAAA → AAAA-MM-JJ (undefined si la date n'existe pas). */
export function frenchDateToIso(value: string | undefined): string | undefined {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(value ?? '');
    if (!m) return undefined;
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Le code d'une compétence tel qu'il s'écrira dans le .ref (undefined s'il n'est pas utilisable). */
export function refCodeOf(sourceCode: string): string | undefined {
    let code = sourceCode.replace(/\s+/g, '').replace(/\.+$/, '');
    if (/^\d/.test(code)) code = 'C' + code; // « 1.1.1 » → « C1.1.1 »
    return isValidCode(code) ? code : undefined;
}

/** Un texte du langage, sur une ou plusieurs lignes (les lignes suivantes indentées). */
export function texte(value: string, indent: string): string {
    return quoteTexte(value).replace(/\n/g, '\n' + indent);
}

/** Un texte de paragraphe(s) : les retours à la ligne perdus de l'export redeviennent des lignes. */
function paragraphText(value: string | undefined): string {
    return paragraphs(value ?? '').join('\n');
}

class CodeRegistry {
    private readonly used = new Set<string>();

    has(code: string): boolean {
        return this.used.has(canonicalCode(code));
    }

    add(code: string): void {
        this.used.add(canonicalCode(code));
    }

    /** Le code voulu, ou une variante libre (« B2.C1 », puis « C1_2 », « C1_3 »…). */
    take(wanted: string, qualifier?: string): string {
        let code = wanted;
        if (this.has(code) && qualifier && isValidCode(`${qualifier}.${wanted}`)) code = `${qualifier}.${wanted}`;
        for (let n = 2; this.has(code); n++) code = `${wanted}_${n}`;
        this.add(code);
        return code;
    }
}

interface CompetenceOut {
    code: string;
    sourceCode?: string;
    text: string;
    notes: string[];
}

/** Convertit une fiche ; undefined si elle n'a pas de numéro utilisable. */
export function ficheToRef(fiche: RncpFiche, source = 'export open data de France Compétences, flux XML V4.1'): ImportedFiche | undefined {
    const numero = normalizeSpaces(fiche.numero ?? '');
    if (!isValidCode(numero) || !/^[A-Za-z0-9_-]+$/.test(numero)) return undefined;

    const registry = new CodeRegistry();
    registry.add(numero);
    const out: string[] = [];
    const styles: Record<SplitStyle, number> = { lignes: 0, codes: 0, puces: 0, texte: 0, vide: 0 };
    let competencesCount = 0;
    let sansCode = 0;
    let blocsSansListe = 0;

    // --- En-tête --------------------------------------------------------------------------
    out.push(`// Importé de la fiche ${numero} (${source}).`);
    out.push('// Le registre ne décrit ni critères d\'évaluation ni règles d\'obtention : à compléter.');
    const titre = normalizeSpaces(fiche.intitule ?? '') || numero;
    out.push(`certification ${numero} ${texte(titre, '')} {`);
    if (/^(RNCP|RS)\d+$/.test(numero)) out.push(`    rncp ${numero}`);
    const niveau = /^\s*NIV\s*([1-8])\s*$/i.exec(fiche.niveau ?? '');
    const certNotes: string[] = [];
    if (niveau) {
        out.push(`    niveau ${niveau[1]}`);
    } else if (fiche.niveau || fiche.niveauLibelle) {
        certNotes.push(`Niveau indiqué par la fiche : ${normalizeSpaces([fiche.niveau, fiche.niveauLibelle].filter(Boolean).join(' — '))}`);
    }
    for (const c of fiche.certificateurs) {
        const nom = normalizeSpaces(c.nom ?? '');
        const siret = normalizeSpaces(c.siret ?? '');
        if (!nom && !siret) continue;
        out.push(`    certificateur ${texte(nom || `Certificateur (SIRET ${siret})`, '')}${siret ? ` siret ${texte(siret, '')}` : ''}`);
    }
    for (const n of fiche.nsf) {
        const code = normalizeSpaces(n.code ?? '');
        if (!code) continue;
        const libelle = normalizeSpaces(n.libelle ?? '');
        out.push(`    nsf ${texte(code, '')}${libelle ? ' ' + texte(libelle, '') : ''}`);
    }
    const debut = frenchDateToIso(fiche.dates.DATE_EFFET) ?? frenchDateToIso(fiche.dates.DATE_DECISION) ?? frenchDateToIso(fiche.dates.DATE_DE_PUBLICATION);
    const fin = frenchDateToIso(fiche.dates.DATE_FIN_ENREGISTREMENT);
    if (debut) {
        out.push(`    enregistrement du ${debut}${fin && fin >= debut ? ` au ${fin}` : ''}`);
        if (fin && fin < debut) certNotes.push(`Fin d'enregistrement indiquée par la fiche : ${fin} (antérieure au début ${debut}).`);
    } else if (fin) {
        certNotes.push(`Fin d'enregistrement : ${fin} (la fiche ne donne pas la date de début).`);
    }
    const actif = normalizeSpaces(fiche.actif ?? '').toLowerCase();
    if (actif === 'oui') out.push('    statut actif');
    else if (actif === 'non') out.push('    statut inactif');
    const activites = paragraphText(fiche.activitesVisees);
    if (activites) certNotes.unshift(ACTIVITES_VISEES_PREFIX + activites);

    // --- Blocs : codes d'abord (les correspondances les citent) -------------------------------
    const blocCodes = fiche.blocs.map((b, i) => {
        const given = normalizeSpaces(b.code ?? '');
        const wanted = isValidCode(given) ? given : `${numero}BC${String(i + 1).padStart(2, '0')}`;
        return registry.take(wanted);
    });
    const blocBySource = new Map<string, number>();
    fiche.blocs.forEach((b, i) => {
        const given = normalizeSpaces(b.code ?? '');
        if (given && !blocBySource.has(given)) blocBySource.set(given, i);
    });

    // Correspondances → équivalences (un bloc de destination) ou notes.
    const equivalences = fiche.blocs.map(() => new Map<string, string>());
    const blocNotes = fiche.blocs.map(() => [] as string[]);
    for (const c of fiche.correspondances) {
        const destFiche = normalizeSpaces(c.destinationFiche ?? '');
        const dests = c.destinations.map(normalizeSpaces).filter(Boolean);
        const sources = c.sources.map(normalizeSpaces).filter(Boolean);
        const destLabel = dests.length ? `${dests.join(', ')}${destFiche ? ` (fiche ${destFiche})` : ''}` : `la fiche ${destFiche || '(non précisée)'} entière`;
        const known = sources.filter(s => blocBySource.has(s));
        for (const s of sources) {
            if (!blocBySource.has(s)) certNotes.push(`Correspondance déclarée au RNCP pour le bloc ${s}, absent de cette fiche : ${destLabel}.`);
        }
        if (known.length === 0) {
            if (sources.length === 0) certNotes.push(`Correspondance déclarée au RNCP avec ${destLabel}.`);
            continue;
        }
        for (const s of known) {
            const index = blocBySource.get(s)!;
            const others = known.filter(o => o !== s);
            if (sources.length === 1 && dests.length === 1 && isValidCode(dests[0])) {
                // Un bloc pour un bloc : le seul cas qu'« équivalent à » dit sans rien ajouter.
                equivalences[index].set(dests[0], `Bloc de la fiche ${destFiche || dests[0].replace(/BC\d+$/, '')} (correspondance déclarée au RNCP)`);
            } else {
                const together = others.length ? `, conjointement avec ${others.join(', ')}` : '';
                blocNotes[index].push(dests.length > 1
                    ? `Correspondance déclarée au RNCP avec les blocs ${destLabel} réunis${together}.`
                    : `Correspondance déclarée au RNCP avec ${destLabel}${together}.`);
            }
        }
    }

    if (fiche.blocs.length === 0) certNotes.push('La fiche ne décrit aucun bloc de compétences.');
    for (const note of certNotes) out.push(`    note ${texte(note, '         ')}`);
    out.push('}');

    // --- Compétences : tous les codes de la fiche sont réservés avant d'en générer ------------
    const splits = fiche.blocs.map(b => splitCompetences(b.listeCompetences));
    const competences: CompetenceOut[][] = splits.map(() => []);
    splits.forEach((split, index) => {
        const n = blocNumber(blocCodes[index]) ?? index + 1;
        for (const item of split.items) {
            const wanted = item.sourceCode ? refCodeOf(item.sourceCode) : undefined;
            const notes: string[] = [];
            let code: string | undefined;
            if (wanted) {
                code = registry.take(wanted, `B${n}`);
                if (code !== wanted) notes.push(`Code « ${item.sourceCode} » de la fiche, déjà utilisé dans ce référentiel : renommé ${code}.`);
            }
            competences[index].push({ code: code ?? '', sourceCode: item.sourceCode, text: item.text, notes });
        }
    });
    splits.forEach((split, index) => {
        const n = blocNumber(blocCodes[index]) ?? index + 1;
        let k = 0;
        for (const c of competences[index]) {
            if (c.code) continue;
            let code: string;
            do { code = `C${n}.${++k}`; } while (registry.has(code));
            registry.add(code);
            c.code = code;
            if (c.sourceCode) c.notes.push(`Code « ${c.sourceCode} » de la fiche, inutilisable comme code : remplacé par ${code}.`);
        }
        if (split.items.length === 0) {
            // Un bloc se valide par ses compétences : sans liste, l'intitulé en tient lieu.
            blocsSansListe++;
            let code: string;
            do { code = `C${n}.${++k}`; } while (registry.has(code));
            registry.add(code);
            const libelle = normalizeSpaces(fiche.blocs[index].libelle ?? '') || `Compétences du bloc ${blocCodes[index]}`;
            competences[index].push({ code, text: libelle, notes: ['La fiche ne liste pas les compétences de ce bloc : son intitulé tient lieu de compétence.'] });
        }
        // Une compétence numérotée qui en regroupe d'autres (« 1.1 » avant « 1.1.1 »).
        for (const c of competences[index]) {
            if (!c.sourceCode) continue;
            const key = canonicalCode(c.sourceCode);
            const children = competences[index].filter(o => o.sourceCode && canonicalCode(o.sourceCode).startsWith(key + '.')).map(o => o.code);
            if (children.length) c.notes.push(`Intitulé qui regroupe ${children.join(', ')} dans la fiche.`);
        }
    });

    // --- Blocs ------------------------------------------------------------------------------
    fiche.blocs.forEach((bloc, index) => {
        const split = splits[index];
        styles[split.style]++;
        const list = competences[index];
        competencesCount += list.length - (split.items.length === 0 ? 1 : 0);
        if (split.style !== 'codes' && split.style !== 'lignes') sansCode += split.items.length;
        const n = blocNumber(blocCodes[index]) ?? index + 1;
        const titreBloc = normalizeSpaces(bloc.libelle ?? '') || `Bloc ${n}`;
        out.push('');
        out.push(`bloc ${blocCodes[index]} ${texte(titreBloc, '')} {`);
        for (const [dest, label] of equivalences[index]) {
            out.push(`    équivalent à ${dest} ${texte(label, '')}`);
        }
        const notes = [...blocNotes[index]];
        if (split.preamble) notes.unshift(`Préambule de la liste des compétences : ${split.preamble}`);
        for (const note of notes) out.push(`    note ${texte(note, '         ')}`);
        for (const c of list) {
            out.push(`    compétence ${c.code} ${texte(c.text, '        ')}`);
            for (const note of c.notes) out.push(`        note ${texte(note, '             ')}`);
        }

        // Modalité : le texte de la fiche, et les compétences qu'il nomme.
        const modalite = registry.take(`M${n}.1`);
        const consigne = paragraphText(bloc.modalitesEvaluation);
        const named = namedCodes(consigne, list.map(c => ({ item: c.code, codes: c.sourceCode ? [c.sourceCode, c.code] : [c.code] })));
        const others = list.map(c => c.code).filter(code => !named.includes(code));
        out.push(`    modalité ${modalite} ${texte('Modalités d\'évaluation (fiche RNCP)', '')} {`);
        out.push(`        évalue ${[...named, ...others].join(', ')}`);
        if (consigne) out.push(`        consigne ${texte(consigne, '                  ')}`);
        let note: string;
        if (!consigne) {
            note = 'La fiche ne décrit pas les modalités d\'évaluation de ce bloc : la modalité est réputée évaluer toutes ses compétences.';
        } else if (named.length === 0) {
            note = 'Le texte des modalités ne nomme aucune compétence : la modalité est réputée évaluer toutes les compétences du bloc.';
        } else if (others.length === 0) {
            note = 'Le texte des modalités nomme toutes les compétences du bloc.';
        } else {
            note = `Le texte des modalités nomme ${named.join(', ')} ; ${others.join(', ')} ${others.length > 1 ? 'sont ajoutées' : 'est ajoutée'} pour que chaque compétence soit évaluée (à vérifier).`;
        }
        out.push(`        note ${texte(note, '             ')}`);
        out.push('    }');
        out.push('}');
    });
    out.push('');

    return {
        numero,
        fileName: `${numero}.ref`,
        text: out.join('\n'),
        stats: { blocs: fiche.blocs.length, competences: competencesCount, sansCode, blocsSansListe, styles }
    };
}
