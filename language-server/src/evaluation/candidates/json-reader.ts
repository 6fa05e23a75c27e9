import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schema from '../../../../schemas/candidat.schema.json';
import { canonicalCode } from '../../codes.js';
import { msg } from '../../i18n/messages.js';
import type { ReferentielModel } from '../../model/referentiel-model.js';
import type { CandidateResults, InputProblem, SourcePosition, ValeurCompetence, ValeurCritere } from '../types.js';
import { didYouMean, hasCode, modelCodes, resultNounOf, SECTION_OF, unknownCodeMessage, type ModelCodes, type Noun } from './model-codes.js';
import { nodeValue, parseJson, type JsonNode as Node } from './json-tree.js';
import { MAX_CELL_LENGTH, MAX_JSON_DEPTH } from './limits.js';
import { capitalize, InputError, LineIndex, problemAt, shownHeader, shownValue, sortProblems } from './problems.js';
import { formatNumber, isIsoDate } from './values.js';
import '../candidate-messages.js';

let validator: ValidateFunction | undefined;

function validate(data: unknown): ErrorObject[] {
    if (!validator) {
        const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
        addFormats(ajv, ['date']);
        validator = ajv.compile(schema);
    }
    return validator(data) ? [] : [...(validator.errors ?? [])];
}

type Segment = string | number;

/** « competences.C1.1 », « blocsAcquis.0.bloc » : la clé de `positions` et le nom montré dans les messages. */
function pathOf(segments: readonly Segment[]): string {
    return segments.join('.');
}

/** Un chemin pour un message : une clé qui a la forme d'un nom y est masquée (shownValue). */
function shownPath(segments: readonly Segment[]): string {
    return segments.map(s => (typeof s === 'string' ? shownValue(s) : s)).join('.');
}

function whereOf(segments: readonly Segment[]): string {
    return segments.length === 0 ? capitalize(msg('cand.schema.root')) : msg('cand.where.path', { path: shownPath(segments) });
}

/** Décode un chemin JSON Pointer (instancePath d'ajv). */
function pointerSegments(pointer: string, root: Node): Segment[] {
    if (pointer === '') return [];
    const parts = pointer.slice(1).split('/').map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    // Les indices de liste sont des nombres pour findNodeAtLocation.
    const segments: Segment[] = [];
    let node: Node | undefined = root;
    for (const part of parts) {
        if (node?.type === 'array' && /^\d+$/.test(part)) {
            segments.push(Number(part));
            node = node.children?.[Number(part)];
        } else {
            segments.push(part);
            node = node?.type === 'object' ? lastProperty(node, part)?.children?.[1] : undefined;
        }
    }
    return segments;
}

function properties(node: Node | undefined): Node[] {
    return node?.type === 'object' ? (node.children ?? []).filter(p => p.type === 'property' && p.children && p.children.length > 0) : [];
}

function lastProperty(node: Node, key: string): Node | undefined {
    let found: Node | undefined;
    for (const p of properties(node)) {
        if (p.children![0].value === key) found = p;
    }
    return found;
}

/** Le nœud au bout d'un chemin (la dernière valeur si une clé est répétée, comme JSON.parse). */
function nodeAt(root: Node, segments: readonly Segment[]): Node | undefined {
    let node: Node | undefined = root;
    for (const segment of segments) {
        if (!node) return undefined;
        if (typeof segment === 'number') {
            node = node.type === 'array' ? node.children?.[segment] : undefined;
        } else {
            node = node.type === 'object' ? lastProperty(node, segment)?.children?.[1] : undefined;
        }
    }
    return node;
}

function typeName(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value;
}

function typeLabel(type: string): string {
    return msg(`cand.type.${type === 'integer' ? 'number' : type}`);
}

/** Une valeur du fichier pour un message : un texte passe par shownValue (jamais un nom en clair). */
function shown(value: unknown): string {
    if (typeof value === 'string') return shownValue(value);
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? shownValue(text) : text;
}

/**
 * Lit le fichier JSON d'un candidat : JSON strict (ni commentaires ni virgules finales), conforme
 * à schemas/candidat.schema.json, codes connus du référentiel, notes dans le barème.
 * Lève InputError avec tous les problèmes du fichier, chacun à sa ligne et sa colonne.
 */
export function readCandidateJson(file: string, text: string, model: ReferentielModel): CandidateResults {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const lines = new LineIndex(text);
    const at = (offset: number, length = 0): SourcePosition => lines.position(file, offset, length);
    const problems: InputProblem[] = [];

    if (text.trim() === '') {
        throw new InputError([problemAt({ file, line: 1, column: 1 }, 'syntaxe', msg('cand.json.empty'))]);
    }

    // 1. Syntaxe. Commentaires et virgules finales sont tous signalés (ils ne désorganisent pas
    //    la suite) ; la première autre erreur arrête la lecture.
    const parsed = parseJson(text, { maxDepth: MAX_JSON_DEPTH, maxString: MAX_CELL_LENGTH });
    for (const comment of parsed.comments) {
        problems.push(problemAt(at(comment.offset, comment.length), 'syntaxe', msg('cand.json.comment')));
    }
    for (const comma of parsed.trailingCommas) {
        problems.push(problemAt(at(comma.offset, 1), 'syntaxe', msg('cand.json.trailingComma', { close: comma.close })));
    }
    const root = parsed.root;
    if (parsed.error || !root) {
        const error = parsed.error ?? { code: 'ValueExpected', offset: 0, length: 0 };
        const raw = text.substr(error.offset, Math.min(Math.max(error.length, 1), 24)).split(/[\r\n]/)[0];
        // Un mot sans guillemets peut être un nom (Camille au lieu de "Camille") : masqué s'il en a la forme.
        const fragment = shownValue(raw);
        problems.push(problemAt(at(error.offset, error.length), 'syntaxe', msg('cand.json.syntax', { detail: msg(`cand.json.err.${error.code}`, { text: fragment, max: error.code === 'NestingTooDeep' ? MAX_JSON_DEPTH : MAX_CELL_LENGTH }) })));
        throw new InputError(sortProblems(problems));
    }
    if (problems.length === 0) {
        // Filet de sécurité : ce que l'analyse accepterait et JSON.parse non.
        try {
            JSON.parse(text);
        } catch (error) {
            const m = /position (\d+)/.exec(String((error as Error).message));
            const offset = m ? Number(m[1]) : 0;
            throw new InputError([problemAt(at(offset, 1), 'syntaxe', msg('cand.json.syntax', { detail: (error as Error).message }))]);
        }
    }

    const data = nodeValue(root);
    const codes = modelCodes(model);

    // 2. Positions de toutes les valeurs, et clés répétées.
    const positions = new Map<string, SourcePosition>();
    const walk = (node: Node, segments: Segment[]): void => {
        if (segments.length > 0) positions.set(pathOf(segments), at(node.offset, node.length));
        if (node.type === 'object') {
            const seen = new Map<string, Node>();
            for (const property of properties(node)) {
                const keyNode = property.children![0];
                const key = String(keyNode.value);
                const earlier = seen.get(key);
                if (earlier) {
                    problems.push(problemAt(at(keyNode.offset, keyNode.length), 'doublon', msg('cand.schema.duplicateKey', {
                        where: whereOf([...segments, key]), ...lines.at(earlier.offset)
                    })));
                }
                seen.set(key, keyNode);
                const valueNode = property.children![1];
                if (valueNode) walk(valueNode, [...segments, key]);
            }
        } else if (node.type === 'array') {
            (node.children ?? []).forEach((child, index) => walk(child, [...segments, index]));
        }
    };
    walk(root, []);

    // 3. Schéma.
    const flagged = new Set<string>();
    for (const error of validate(data)) {
        const problem = schemaProblem(error, root, at, codes, flagged);
        if (problem) problems.push(problem);
    }

    // 4. Le référentiel et ses codes.
    const obj = (data !== null && typeof data === 'object' && !Array.isArray(data)) ? data as Record<string, unknown> : {};
    const referentielNode = nodeAt(root, ['referentiel']);
    let sameReferentiel = true;
    if (typeof obj.referentiel === 'string' && obj.referentiel.trim() !== '' && referentielNode
        && canonicalCode(obj.referentiel) !== canonicalCode(model.code) && canonicalCode(obj.referentiel) !== model.key) {
        sameReferentiel = false;
        problems.push(problemAt(at(referentielNode.offset, referentielNode.length), 'referentiel',
            msg('cand.referentiel', { file: shownHeader(obj.referentiel), model: model.code })));
    }
    if (sameReferentiel) {
        checkCodes(root, codes, at, problems, flagged);
    }

    if (problems.length > 0) {
        throw new InputError(sortProblems(problems));
    }

    // 5. Les résultats.
    const section = <T>(name: string): Map<string, T> => {
        const value = obj[name];
        return new Map(value && typeof value === 'object' ? Object.entries(value as Record<string, T>) : []);
    };
    const candidat = obj.candidat as { id: string; nom?: string };
    const blocsAcquis = ((obj.blocsAcquis ?? []) as Array<{ bloc: string; date?: string }>)
        .map(b => (b.date !== undefined ? { bloc: b.bloc, date: b.date } : { bloc: b.bloc }));
    const amenagements = ((obj.amenagements ?? []) as Array<{ nature: string; debut: string; fin?: string }>)
        .map(a => (a.fin !== undefined ? { nature: a.nature, debut: a.debut, fin: a.fin } : { nature: a.nature, debut: a.debut }));
    return {
        referentiel: obj.referentiel as string,
        candidat: candidat.nom !== undefined ? { id: candidat.id, nom: candidat.nom } : { id: candidat.id },
        ...(typeof obj.dateEvaluation === 'string' ? { dateEvaluation: obj.dateEvaluation } : {}),
        competences: section<ValeurCompetence>('competences'),
        criteres: section<ValeurCritere>('criteres'),
        epreuves: section<number>('epreuves'),
        mesures: section<number>('mesures'),
        faits: section<boolean>('faits'),
        blocsAcquis,
        amenagements,
        positions,
        source: { file }
    };
}

/** Un problème de schéma, en français, à la position de la valeur fautive. */
function schemaProblem(
    error: ErrorObject, root: Node, at: (offset: number, length?: number) => SourcePosition,
    codes: ModelCodes, flagged: Set<string>
): InputProblem | undefined {
    const segments = pointerSegments(error.instancePath, root);
    const path = pathOf(segments);
    const node = nodeAt(root, segments) ?? root;
    const position = at(node.offset, node.length);
    const where = whereOf(segments);
    const value = error.data;
    const once = (group: string): boolean => {
        const key = `${path}|${group}`;
        if (flagged.has(key)) return false;
        flagged.add(key);
        return true;
    };
    const section = typeof segments[0] === 'string' ? segments[0] : undefined;
    switch (error.keyword) {
        case 'type': {
            if (!once('value')) return undefined;
            const expected = String((error.params as { type: string | string[] }).type);
            const actual = typeLabel(typeName(value));
            if (expected === 'number' && segments.length === 2 && (section === 'epreuves' || section === 'mesures')) {
                return problemAt(position, 'schema', msg('cand.schema.typeNumber', { where, actual: typeof value === 'string' ? `« ${shownValue(value)} »` : actual }));
            }
            return problemAt(position, 'schema', msg('cand.schema.type', { where, expected: typeLabel(expected), actual }));
        }
        case 'enum': {
            if (!once('value')) return undefined;
            const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues).map(v => `« ${shown(v)} »`).join(', ');
            return problemAt(position, 'schema', msg('cand.schema.enum', { where, value: shown(value), allowed }));
        }
        case 'format':
        case 'pattern':
            if (!once('value')) return undefined;
            return problemAt(position, 'schema', msg('cand.schema.date', { where, value: shown(value) }));
        case 'minLength':
            if (!once('value')) return undefined;
            return problemAt(position, 'schema', msg('cand.schema.minLength', { where }));
        case 'minimum':
            // Notes et mesures négatives : vérifiées avec le barème ou l'unité (checkCodes).
            if (section === 'epreuves' || section === 'mesures') return undefined;
            return problemAt(position, 'schema', msg('cand.schema.other', { where, detail: error.message ?? '' }));
        case 'required': {
            const missing = (error.params as { missingProperty: string }).missingProperty;
            const full = pathOf([...segments, missing]);
            const hint = full === 'referentiel' ? msg('cand.schema.required.referentiel', { code: codes.model.code })
                : full === 'candidat' ? msg('cand.schema.required.candidat')
                : full === 'candidat.id' ? msg('cand.schema.required.id')
                : msg('cand.schema.required.other');
            // Sur l'accolade ouvrante de l'objet.
            return problemAt(at(node.offset, 1), 'schema', msg('cand.schema.required', { path: shownPath([...segments, missing]), hint }));
        }
        case 'additionalProperties': {
            const extra = (error.params as { additionalProperty: string }).additionalProperty;
            const property = lastProperty(node, extra);
            const keyNode = property?.children?.[0] ?? node;
            const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> }).properties ?? {});
            return problemAt(at(keyNode.offset, keyNode.length), 'schema', msg('cand.schema.additional', {
                property: shownValue(extra),
                where: segments.length === 0 ? msg('cand.schema.root') : msg('cand.where.path', { path: shownPath(segments) }),
                suggestion: didYouMean(extra, allowed),
                allowed: allowed.join(', ')
            }));
        }
        default:
            if (!once(error.keyword)) return undefined;
            return problemAt(position, 'schema', msg('cand.schema.other', { where, detail: error.message ?? error.keyword }));
    }
}

/** Codes inconnus, codes rangés dans la mauvaise section, notes hors barème, blocs, aménagements. */
function checkCodes(
    root: Node, codes: ModelCodes, at: (offset: number, length?: number) => SourcePosition,
    problems: InputProblem[], flagged: Set<string>
): void {
    const nouns: Array<[string, Exclude<Noun, 'bloc'>]> = [['competences', 'competence'], ['criteres', 'critere'], ['epreuves', 'epreuve'], ['mesures', 'mesure'], ['faits', 'fait']];
    for (const [section, noun] of nouns) {
        const object = nodeAt(root, [section]);
        const seen = new Map<string, Node>();
        for (const property of properties(object)) {
            const keyNode = property.children![0];
            const valueNode = property.children![1];
            const code = String(keyNode.value);
            const where = msg('cand.where.path', { path: shownPath([section, code]) });
            const keyPosition = at(keyNode.offset, keyNode.length);
            const canonical = canonicalCode(code);
            const earlier = seen.get(canonical);
            if (earlier && earlier.value !== code) {
                problems.push(problemAt(keyPosition, 'doublon', msg('cand.schema.sameCode', {
                    where, other: shownPath([section, String(earlier.value)]), line: at(earlier.offset).line, column: at(earlier.offset).column
                })));
            }
            if (!earlier) seen.set(canonical, keyNode);
            if (!hasCode(codes, noun, code)) {
                const other = resultNounOf(codes.typeOf(canonical));
                problems.push(problemAt(keyPosition, 'code-inconnu', other
                    ? msg('cand.code.wrongKind', {
                        where, code, aNoun: msg(`cand.aNoun.${noun}`), kind: msg(`kind.${codes.typeOf(canonical)}`), section: SECTION_OF[other]
                    })
                    : unknownCodeMessage(codes, noun, code, where)));
                continue;
            }
            const value = valueNode?.value;
            if (typeof value !== 'number' || !valueNode) continue;
            if (noun === 'epreuve') {
                const info = codes.epreuves.get(canonical)!;
                if (value < 0 || (info.bareme !== undefined && value > info.bareme)) {
                    problems.push(problemAt(at(valueNode.offset, valueNode.length), 'hors-bareme', msg('cand.grade.range', {
                        where, value: formatNumber(value), code: info.code, bareme: formatNumber(info.bareme ?? 20)
                    })));
                }
            } else if (noun === 'mesure' && value < 0) {
                const info = codes.mesures.get(canonical)!;
                problems.push(problemAt(at(valueNode.offset, valueNode.length), 'valeur', msg('cand.measure.negative', {
                    where, value: formatNumber(value), code: info.code, unit: info.unite
                })));
            }
        }
    }

    const blocs = nodeAt(root, ['blocsAcquis']);
    const seenBlocs = new Map<string, number>();
    (blocs?.type === 'array' ? blocs.children ?? [] : []).forEach((item, index) => {
        const blocNode = item.type === 'object' ? lastProperty(item, 'bloc')?.children?.[1] : undefined;
        if (!blocNode || typeof blocNode.value !== 'string' || blocNode.value === '') return;
        const code = blocNode.value;
        const path = `blocsAcquis.${index}.bloc`;
        if (flagged.has(`${path}|value`)) return;
        const where = msg('cand.where.path', { path });
        const position = at(blocNode.offset, blocNode.length);
        if (!hasCode(codes, 'bloc', code)) {
            problems.push(problemAt(position, 'code-inconnu', unknownCodeMessage(codes, 'bloc', code, where)));
            return;
        }
        const earlier = seenBlocs.get(canonicalCode(code));
        if (earlier !== undefined) {
            problems.push(problemAt(position, 'doublon', msg('cand.bloc.duplicate', {
                where, code, other: msg('cand.where.path', { path: `blocsAcquis.${earlier}.bloc` })
            })));
        } else {
            seenBlocs.set(canonicalCode(code), index);
        }
    });

    const amenagements = nodeAt(root, ['amenagements']);
    (amenagements?.type === 'array' ? amenagements.children ?? [] : []).forEach((item, index) => {
        if (item.type !== 'object') return;
        const debut = lastProperty(item, 'debut')?.children?.[1];
        const fin = lastProperty(item, 'fin')?.children?.[1];
        if (typeof debut?.value === 'string' && typeof fin?.value === 'string' && isIsoDate(debut.value) && isIsoDate(fin.value) && fin.value < debut.value) {
            problems.push(problemAt(at(fin.offset, fin.length), 'valeur', msg('cand.amenagement.order', {
                where: msg('cand.where.path', { path: `amenagements.${index}.fin` }), fin: fin.value, debut: debut.value
            })));
        }
    });
}
