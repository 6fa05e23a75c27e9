import { AstUtils, GrammarAST } from 'langium';
import { blocNumber, canonicalCode } from '../codes.js';
import { reindentString } from '../formatting/formatter.js';
import { ReferentielGrammar } from '../generated/grammar.js';
import { quoteTexte } from '../parser/value-converter.js';
import { namedCodes, normalizeSpaces, paragraphs, splitCompetences, type SplitStyle } from './competency-splitter.js';
import { JURY_VOIES, type RncpFiche } from './rncp-reader.js';
import { competenceGroups, mergedCompetence, parseExportedModalites, splitActivites, splitModalites, type ActivityItem } from './rncp-text.js';

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
    /** Activités créées (activités visées et intitulés de regroupement, sous-activités comprises). */
    readonly activites: number;
    /** Intitulés de regroupement d'une liste de compétences, devenus des activités du bloc. */
    readonly regroupements: number;
    /** Compétences qui semblent en contenir deux (signalées par une note). */
    readonly collees: number;
    /** Modalités créées. */
    readonly modalites: number;
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

/**
 * Un texte qui commence à la colonne `column` (son guillemet ouvrant), tel que le formateur
 * l'écrit : les lignes de continuation alignées sur la première colonne du texte, leur décalage
 * relatif gardé, les lignes vides sans espaces. Un fichier importé est ainsi mis en forme sans
 * repasser par l'analyseur (docs/performance.md, « import rncp »).
 */
export function texteAt(value: string, column: number): string {
    const literal = quoteTexte(value);
    return /[\r\n]/.test(literal) ? reindentString(literal, column + 1) : literal;
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
    /** L'activité (intitulé de regroupement) dont elle est issue. */
    issueDe?: string;
}

/** Les voies d'accès du registre (SI_JURY_<voie>) et leur mot-clé dans le langage. */
export const VOIE_KEYWORDS: Readonly<Record<(typeof JURY_VOIES)[number], string>> = {
    FI: 'formation-initiale', CA: 'apprentissage', FC: 'formation-continue', CQ: 'professionnalisation', CL: 'candidature-individuelle', VAE: 'vae'
};

const oui = (value: string | undefined): boolean | undefined => {
    const v = normalizeSpaces(value ?? '').toLowerCase();
    return v === 'oui' ? true : v === 'non' ? false : undefined;
};

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
    let activitesCount = 0;
    let regroupements = 0;
    let collees = 0;
    let modalitesCount = 0;
    const line = (depth: number, text: string): void => { out.push('    '.repeat(depth) + text); };
    /**
     * Un texte à la profondeur donnée, déjà mis en forme comme le ferait le formateur : les
     * lignes suivantes s'alignent après le guillemet ouvrant (formatting/formatter.ts). Les
     * autres textes (titres, libellés, codes) sont sur une ligne (normalizeSpaces, lignes de
     * l'export) : le fichier est mis en forme dès son écriture.
     */
    const clause = (depth: number, keyword: string, value: string, tail = ''): void => {
        const prefix = '    '.repeat(depth) + keyword + ' ';
        out.push(prefix + texteAt(value, prefix.length) + tail);
    };

    // --- En-tête, dans l'ordre de la fiche ----------------------------------------------------
    out.push(`// Importé de la fiche ${numero} (${source}).`);
    out.push('// Le registre ne décrit ni critères d\'évaluation ni règles d\'obtention : à compléter.');
    const titre = normalizeSpaces(fiche.intitule ?? '') || numero;
    out.push(`certification ${numero} ${texte(titre, '')} {`);
    if (/^(RNCP|RS)\d+$/.test(numero)) line(1, `rncp ${numero}`);
    const certNotes: string[] = [];
    const idFiche = normalizeSpaces(fiche.idFiche ?? '');
    if (idFiche) clause(1, 'identifiant', idFiche);
    const etat = normalizeSpaces(fiche.etatFiche ?? '');
    if (etat) clause(1, 'état', etat);
    for (const f of fiche.formacodes) {
        const code = normalizeSpaces(f.code ?? '');
        if (code) line(1, `formacode ${texte(code, '')}${f.libelle ? ' ' + texte(normalizeSpaces(f.libelle), '') : ''}`);
    }
    const niveau = /^\s*NIV\s*([1-8])\s*$/i.exec(fiche.niveau ?? '');
    if (niveau) {
        line(1, `niveau ${niveau[1]}`);
    } else if (fiche.niveau || fiche.niveauLibelle) {
        certNotes.push(`Niveau indiqué par la fiche : ${normalizeSpaces([fiche.niveau, fiche.niveauLibelle].filter(Boolean).join(' — '))}`);
    }
    for (const n of fiche.nsf) {
        const code = normalizeSpaces(n.code ?? '');
        if (!code) continue;
        const libelle = normalizeSpaces(n.libelle ?? '');
        line(1, `nsf ${texte(code, '')}${libelle ? ' ' + texte(libelle, '') : ''}`);
    }
    for (const c of fiche.certificateurs) {
        const nom = normalizeSpaces(c.nom ?? '');
        const siret = normalizeSpaces(c.siret ?? '');
        if (!nom && !siret) continue;
        const etatCertificateur = normalizeSpaces(c.etat ?? '').toLowerCase();
        const statut = etatCertificateur === 'actif' || etatCertificateur === 'inactif' ? ' ' + etatCertificateur : '';
        line(1, `certificateur ${texte(nom || `Certificateur (SIRET ${siret})`, '')}${siret ? ` siret ${texte(siret, '')}` : ''}${statut}`);
    }
    const partenaires = oui(fiche.existencePartenaires);
    if (partenaires !== undefined) line(1, `partenaires ${partenaires ? 'oui' : 'non'}`);
    const capacites = paragraphText(fiche.capacitesAttestees);
    if (capacites) clause(1, 'capacités', capacites);
    const secteurs = paragraphText(fiche.secteursActivite);
    if (secteurs) clause(1, 'secteurs', secteurs);
    const emplois = paragraphText(fiche.typeEmploiAccessibles);
    if (emplois) clause(1, 'emplois', emplois);
    for (const r of fiche.romes) {
        const code = normalizeSpaces(r.code ?? '');
        if (code) line(1, `rome ${texte(code, '')}${r.libelle ? ' ' + texte(normalizeSpaces(r.libelle), '') : ''}`);
    }
    for (const voie of JURY_VOIES) {
        const jury = fiche.jurys[voie];
        const actif = oui(jury?.actif);
        if (!jury || actif === undefined) continue;
        const composition = paragraphText(jury.composition);
        const prefix = `jury ${VOIE_KEYWORDS[voie]} ${actif ? 'actif' : 'inactif'}`;
        if (composition) clause(1, prefix, composition);
        else line(1, prefix);
    }
    if (oui(fiche.accessibleNouvelleCaledonie)) line(1, 'accessible en nouvelle-calédonie');
    if (oui(fiche.accessiblePolynesieFrancaise)) line(1, 'accessible en polynésie-française');
    const debut = frenchDateToIso(fiche.dates.DATE_EFFET) ?? frenchDateToIso(fiche.dates.DATE_DECISION) ?? frenchDateToIso(fiche.dates.DATE_DE_PUBLICATION);
    const fin = frenchDateToIso(fiche.dates.DATE_FIN_ENREGISTREMENT);
    if (debut) {
        line(1, `enregistrement du ${debut}${fin && fin >= debut ? ` au ${fin}` : ''}`);
        if (fin && fin < debut) certNotes.push(`Fin d'enregistrement indiquée par la fiche : ${fin} (antérieure au début ${debut}).`);
    } else if (fin) {
        certNotes.push(`Fin d'enregistrement : ${fin} (la fiche ne donne pas la date de début).`);
    }
    const typeEnregistrement = normalizeSpaces(fiche.typeEnregistrement ?? '').toLowerCase();
    if (typeEnregistrement === 'enregistrement de droit') line(1, 'enregistrement de droit');
    else if (typeEnregistrement === 'enregistrement sur demande') line(1, 'enregistrement sur demande');
    else if (typeEnregistrement) certNotes.push(`Type d'enregistrement indiqué par la fiche : ${normalizeSpaces(fiche.typeEnregistrement ?? '')}`);
    const objectifs = paragraphText(fiche.objectifsContexte);
    if (objectifs) clause(1, 'objectifs', objectifs);
    const actif = normalizeSpaces(fiche.actif ?? '').toLowerCase();
    if (actif === 'oui') line(1, 'statut actif');
    else if (actif === 'non') line(1, 'statut inactif');

    // --- Activités visées : codes de la fiche réservés, puis codes générés -------------------
    const activites = splitActivites(fiche.activitesVisees);
    const walkActivities = (items: readonly ActivityItem[], visit: (a: ActivityItem) => void): void => {
        for (const a of items) { visit(a); walkActivities(a.children, visit); }
    };
    const activityCodes = new Map<ActivityItem, string>();
    walkActivities(activites.items, a => {
        const wanted = a.sourceCode ? normalizeSpaces(a.sourceCode) : undefined;
        if (wanted && isValidCode(wanted)) activityCodes.set(a, registry.take(wanted));
    });
    let nextActivity = 0;
    const generate = (items: readonly ActivityItem[], parent?: string): void => {
        let k = 0;
        for (const a of items) {
            if (!activityCodes.has(a)) {
                let code: string;
                if (parent) { do { code = `${parent}.${++k}`; } while (registry.has(code)); }
                else { do { code = `A${++nextActivity}`; } while (registry.has(code)); }
                registry.add(code);
                activityCodes.set(a, code);
            }
            generate(a.children, activityCodes.get(a));
        }
    };
    generate(activites.items);
    if (activites.preamble) certNotes.push(`Activités visées (fiche RNCP), en tête de liste : ${activites.preamble}`);
    if (activites.introduction) certNotes.push(`Activités visées (fiche RNCP), présentation :\n${activites.introduction.join('\n')}`);
    if (activites.style === 'paragraphes') {
        certNotes.push('Les activités visées de la fiche sont un texte suivi : chaque paragraphe est devenu une activité, à relire et à reformuler.');
    }

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

    // Correspondances → équivalences (un bloc ou une fiche entière) ou notes.
    const certEquivalences = new Map<string, string>();
    const equivalences = fiche.blocs.map(() => new Map<string, string>());
    const blocNotes = fiche.blocs.map(() => [] as string[]);
    for (const c of fiche.correspondances) {
        const destFiche = normalizeSpaces(c.destinationFiche ?? '');
        const dests = c.destinations.map(normalizeSpaces).filter(Boolean);
        const sources = c.sources.map(normalizeSpaces).filter(Boolean);
        const destLabel = dests.length ? `${dests.join(', ')}${destFiche ? ` (fiche ${destFiche})` : ''}` : `la fiche ${destFiche || '(non précisée)'} entière`;
        const wholeFiche = dests.length === 0 && isValidCode(destFiche) && /^(RNCP|RS)\d+$/.test(destFiche);
        const known = sources.filter(s => blocBySource.has(s));
        for (const s of sources) {
            if (!blocBySource.has(s)) certNotes.push(`Correspondance déclarée au RNCP pour le bloc ${s}, absent de cette fiche : ${destLabel}.`);
        }
        if (known.length === 0) {
            if (sources.length === 0 && wholeFiche) certEquivalences.set(destFiche, `Fiche ${destFiche} entière (correspondance déclarée au RNCP)`);
            else if (sources.length === 0) certNotes.push(`Correspondance déclarée au RNCP avec ${destLabel}.`);
            continue;
        }
        for (const s of known) {
            const index = blocBySource.get(s)!;
            const others = known.filter(o => o !== s);
            if (sources.length === 1 && dests.length === 1 && isValidCode(dests[0])) {
                // Un bloc pour un bloc : le seul cas qu'« équivalent à » dit sans rien ajouter.
                equivalences[index].set(dests[0], `Bloc de la fiche ${destFiche || dests[0].replace(/BC\d+$/, '')} (correspondance déclarée au RNCP)`);
            } else if (sources.length === 1 && wholeFiche) {
                equivalences[index].set(destFiche, `Fiche ${destFiche} entière (correspondance déclarée au RNCP)`);
            } else {
                const together = others.length ? `, conjointement avec ${others.join(', ')}` : '';
                blocNotes[index].push(dests.length > 1
                    ? `Correspondance déclarée au RNCP avec les blocs ${destLabel} réunis${together}.`
                    : `Correspondance déclarée au RNCP avec ${destLabel}${together}.`);
            }
        }
    }

    if (fiche.blocs.length === 0) certNotes.push('La fiche ne décrit aucun bloc de compétences.');
    for (const [dest, label] of certEquivalences) line(1, `équivalent à ${dest} ${texte(label, '')}`);
    for (const note of certNotes) clause(1, 'note', note);
    const writeActivity = (a: ActivityItem, depth: number): void => {
        activitesCount++;
        const open = a.children.length > 0 || a.description.length > 0;
        clause(depth, `activité ${activityCodes.get(a)}`, a.text, open ? ' {' : '');
        for (const d of a.description) clause(depth + 1, 'note', d);
        for (const child of a.children) writeActivity(child, depth + 1);
        if (open) line(depth, '}');
    };
    for (const a of activites.items) writeActivity(a, 1);
    out.push('}');

    // --- Compétences : tous les codes de la fiche sont réservés avant d'en générer ------------
    const splits = fiche.blocs.map(b => splitCompetences(b.listeCompetences));
    const groups = splits.map(split => competenceGroups(split.items, fiche.capacitesAttestees));
    const headings = groups.map(g => new Set(g.map(x => x.heading)));
    const competences: CompetenceOut[][] = splits.map(() => []);
    /** Les intitulés de regroupement de chaque bloc, devenus des activités. */
    const groupActivities: Array<Array<{ code: string; text: string; sourceCode?: string }>> = splits.map(() => []);
    splits.forEach((split, index) => {
        const n = blocNumber(blocCodes[index]) ?? index + 1;
        split.items.forEach((item, i) => {
            if (headings[index].has(i)) return;
            const wanted = item.sourceCode ? refCodeOf(item.sourceCode) : undefined;
            const notes: string[] = [];
            let code: string | undefined;
            if (wanted) {
                code = registry.take(wanted, `B${n}`);
                if (code !== wanted) notes.push(`Code « ${item.sourceCode} » de la fiche, déjà utilisé dans ce référentiel : renommé ${code}.`);
            }
            competences[index].push({ code: code ?? '', sourceCode: item.sourceCode, text: item.text, notes });
        });
    });
    splits.forEach((split, index) => {
        const n = blocNumber(blocCodes[index]) ?? index + 1;
        // Les intitulés de regroupement : des activités du bloc (« 1.1 » → « A1.1 »).
        const byItem = new Map<number, string>();
        let g = 0;
        for (const group of groups[index]) {
            const item = split.items[group.heading];
            let code: string | undefined;
            if (item.sourceCode) {
                const wanted = refCodeOf(item.sourceCode)?.replace(/^C/, 'A');
                if (wanted && isValidCode(wanted)) code = registry.take(wanted, `B${n}`);
            }
            if (!code) {
                do { code = `A${n}.${++g}`; } while (registry.has(code));
                registry.add(code);
            }
            byItem.set(group.heading, code);
            groupActivities[index].push({ code, text: item.text, sourceCode: item.sourceCode });
        }
        regroupements += groups[index].length;
        const outOf = new Map<number, CompetenceOut>();
        let position = 0;
        split.items.forEach((_, i) => { if (!headings[index].has(i)) outOf.set(i, competences[index][position++]); });
        for (const group of groups[index]) {
            for (const member of group.members) {
                const c = outOf.get(member);
                if (c) c.issueDe = byItem.get(group.heading);
            }
        }
        let k = 0;
        for (const c of competences[index]) {
            if (c.code) continue;
            let code: string;
            do { code = `C${n}.${++k}`; } while (registry.has(code));
            registry.add(code);
            c.code = code;
            if (c.sourceCode) c.notes.push(`Code « ${c.sourceCode} » de la fiche, inutilisable comme code : remplacé par ${code}.`);
        }
        for (const c of competences[index]) {
            const second = mergedCompetence(c.text);
            if (second) {
                collees++;
                c.notes.push(`À vérifier : deux compétences semblent collées dans la fiche (un retour à la ligne perdu avant « ${second.split(/\s+/).slice(0, 6).join(' ')} … ») ; séparez-les si c'est le cas.`);
            }
        }
        if (competences[index].length === 0) {
            // Un bloc se valide par ses compétences : sans liste, l'intitulé en tient lieu.
            blocsSansListe++;
            let code: string;
            do { code = `C${n}.${++k}`; } while (registry.has(code));
            registry.add(code);
            const libelle = normalizeSpaces(fiche.blocs[index].libelle ?? '') || `Compétences du bloc ${blocCodes[index]}`;
            competences[index].push({ code, text: libelle, notes: ['La fiche ne liste pas les compétences de ce bloc : son intitulé tient lieu de compétence.'] });
        }
    });

    // --- Blocs ------------------------------------------------------------------------------
    fiche.blocs.forEach((bloc, index) => {
        const split = splits[index];
        styles[split.style]++;
        const list = competences[index];
        competencesCount += list.length - (split.items.length === 0 ? 1 : 0);
        if (split.style !== 'codes' && split.style !== 'lignes') sansCode += split.items.length - groups[index].length;
        const n = blocNumber(blocCodes[index]) ?? index + 1;
        const titreBloc = normalizeSpaces(bloc.libelle ?? '') || `Bloc ${n}`;
        const exported = parseExportedModalites(bloc.modalitesEvaluation);
        out.push('');
        out.push(`bloc ${blocCodes[index]} ${texte(titreBloc, '')} {`);
        if (exported?.seuil !== undefined && exported.seuil !== 100) line(1, `validé si ${String(exported.seuil)} % des compétences acquises`);
        for (const [dest, label] of equivalences[index]) line(1, `équivalent à ${dest} ${texte(label, '')}`);
        const notes = [...blocNotes[index]];
        if (split.preamble) notes.unshift(`Préambule de la liste des compétences : ${split.preamble}`);
        for (const note of notes) clause(1, 'note', note);
        for (const a of groupActivities[index]) {
            activitesCount++;
            clause(1, `activité ${a.code}`, a.text);
        }
        for (const c of list) {
            clause(1, `compétence ${c.code}`, c.text, c.issueDe ? ` issue de ${c.issueDe}` : '');
            for (const note of c.notes) clause(2, 'note', note);
        }
        if (exported) {
            writeExportedModalites(exported, registry, line, clause);
            modalitesCount += exported.modalites.length;
        } else {
            modalitesCount += writeModalites(bloc.modalitesEvaluation, n, registry, list, line, clause);
        }
        out.push('}');
    });
    out.push('');

    return {
        numero,
        fileName: `${numero}.ref`,
        text: out.join('\n'),
        stats: {
            blocs: fiche.blocs.length, competences: competencesCount, sansCode, blocsSansListe, styles,
            activites: activitesCount, regroupements, collees, modalites: modalitesCount
        }
    };
}

type LineWriter = (depth: number, text: string) => void;
type ClauseWriter = (depth: number, keyword: string, value: string, tail?: string) => void;

/** Les modalités du texte libre d'une fiche ; rend leur nombre. */
function writeModalites(raw: string | undefined, n: number, registry: CodeRegistry, list: readonly CompetenceOut[], line: LineWriter, clause: ClauseWriter): number {
    const known = new Set(list.flatMap(c => c.sourceCode ? [canonicalCode(c.sourceCode), canonicalCode(c.code)] : [canonicalCode(c.code)]));
    const split = splitModalites(raw, known);
    const candidates = list.map(c => ({ item: c.code, codes: c.sourceCode ? [c.sourceCode, c.code] : [c.code] }));
    const items = split.items.length ? split.items : [{ titre: 'Modalités d\'évaluation (fiche RNCP)', named: '', consigne: [] as string[] }];
    const named = items.map(item => namedCodes(item.named || item.consigne.join('\n'), candidates));
    const covered = new Set(named.flat());
    const leftovers = list.map(c => c.code).filter(code => !covered.has(code));
    const silent = named.map((codes, i) => codes.length === 0 ? i : -1).filter(i => i >= 0);
    items.forEach((item, i) => {
        const code = registry.take(`M${n}.${i + 1}`);
        let evalue = named[i];
        const notes: string[] = [];
        if (!item.consigne.length) {
            evalue = list.map(c => c.code);
            notes.push('La fiche ne décrit pas les modalités d\'évaluation de ce bloc : la modalité est réputée évaluer toutes ses compétences.');
        } else if (evalue.length === 0) {
            evalue = covered.size === 0 ? list.map(c => c.code) : leftovers;
            notes.push(covered.size === 0
                ? (items.length > 1
                    ? 'Le texte des modalités ne dit pas quelles compétences chacune évalue : elle est réputée évaluer toutes les compétences du bloc (à vérifier).'
                    : 'Le texte des modalités ne nomme aucune compétence : la modalité est réputée évaluer toutes les compétences du bloc.')
                : `Le texte de cette modalité ne nomme aucune compétence : elle est réputée évaluer celles qu'aucune autre ne nomme (${leftovers.join(', ') || 'aucune'}, à vérifier).`);
        } else if (leftovers.length && silent.length === 0 && i === 0) {
            notes.push(`Le texte des modalités nomme ${evalue.join(', ')} ; ${leftovers.join(', ')} ${leftovers.length > 1 ? 'sont ajoutées' : 'est ajoutée'} pour que chaque compétence soit évaluée (à vérifier).`);
            evalue = [...evalue, ...leftovers];
        } else if (items.length === 1 && leftovers.length === 0) {
            notes.push('Le texte des modalités nomme toutes les compétences du bloc.');
        }
        line(1, `modalité ${code} ${texte(item.titre, '')} {`);
        if (item.nature) clause(2, 'nature', item.nature);
        if (evalue.length) line(2, `évalue ${evalue.join(', ')}`);
        if (item.consigne.length) clause(2, 'consigne', item.consigne.join('\n'));
        for (const note of notes) clause(2, 'note', note);
        line(1, '}');
    });
    return items.length;
}

/** Les modalités écrites par `export --format rncp-xml` : relues telles quelles. */
function writeExportedModalites(
    exported: NonNullable<ReturnType<typeof parseExportedModalites>>, registry: CodeRegistry,
    line: LineWriter, clause: ClauseWriter
): void {
    for (const m of exported.modalites) {
        const code = registry.take(m.code);
        line(1, `modalité ${code} ${texte(m.titre, '')} {`);
        if (m.nature) clause(2, 'nature', m.nature);
        if (m.organisation === 'seul') line(2, 'seul');
        if (m.organisation === 'en équipe') line(2, 'en équipe');
        if (m.competences.length) line(2, `évalue ${m.competences.join(', ')}`);
        if (m.consigne !== undefined) clause(2, 'consigne', m.consigne);
        for (const l of m.livrables) line(2, `livrable ${texte(l.nature, '')}${l.description !== undefined ? ' ' + texte(l.description, '') : ''}`);
        if (m.jury) line(2, `jury ${m.jury.effectif !== undefined ? `${m.jury.effectif} ` : ''}${texte(m.jury.description, '')}`);
        for (const c of m.criteres) {
            const verifie = c.verifie;
            line(2, `critère ${registry.take(c.code)} ${texte(c.texte, '')}${verifie.length ? ` vérifie ${verifie.join(', ')}` : ''}${c.eliminatoire ? ' éliminatoire' : ''}`);
        }
        line(1, '}');
    }
}
