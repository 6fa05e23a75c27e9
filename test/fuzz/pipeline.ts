import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { SaxesParser } from 'saxes';
import { countErrors } from '../../language-server/src/core/referentiel.js';
import { exportText } from '../../language-server/src/core/export.js';
import { InputError, readCandidateJson } from '../../language-server/src/evaluation/candidates/index.js';
import { evaluateCandidate } from '../../language-server/src/evaluation/engine.js';
import { formatDocumentText } from '../../language-server/src/formatting/formatter.js';
import { setLocale } from '../../language-server/src/i18n/locale.js';
import { createReferentielServices } from '../../language-server/src/referentiel-module.js';

/**
 * La chaîne complète, en mémoire, sur un texte quelconque : analyse → liaison → vérification →
 * mise en forme → export (JSON, XML RNCP, CASE) → évaluation d'un dossier candidat. Une
 * exception qui s'échappe, une mise en forme qui n'est pas idempotente ou qui perd du texte, un
 * export illisible : chacun est une défaillance, rangée par sorte.
 */
export type FailureKind =
    | 'exception-analyse' | 'exception-verification' | 'exception-mise-en-forme' | 'mise-en-forme-non-idempotente'
    | 'mise-en-forme-avec-perte' | 'exception-export' | 'export-illisible' | 'exception-evaluation';

export class PipelineFailure extends Error {
    constructor(readonly kind: FailureKind, message: string) {
        super(`${kind} : ${message}`);
    }
}

export interface Outcome {
    /** Le texte s'analyse sans erreur de syntaxe. */
    readonly parsed: boolean;
    readonly errors: number;
    readonly formatted: boolean;
    readonly exported: boolean;
    /** `decision` de l'évaluation, `refus` si le dossier est refusé (InputError), absent si rien n'a été évalué. */
    readonly evaluation?: string;
}

setLocale('fr');
let services = createReferentielServices(EmptyFileSystem).Referentiel;
let counter = 0;

/** Une exception de vérification que Langium a rattrapée et changée en diagnostic. */
const INTERNAL = /An error occurred|Maximum call stack|Erreur interne|is not a function|Cannot read propert/;

function wellFormedXml(text: string): void {
    const parser = new SaxesParser();
    parser.on('error', error => { throw error; });
    parser.write(text).close();
}

async function build(text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///fuzz/${counter++}.ref`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    } catch (error) {
        throw new PipelineFailure('exception-verification', (error as Error).stack ?? String(error));
    }
    return document;
}

async function forget(document: LangiumDocument): Promise<void> {
    await services.shared.workspace.DocumentBuilder.update([], [document.uri]);
    // Un espace de travail neuf de temps en temps : rien ne s'accumule d'un cas à l'autre.
    if (counter % 2000 === 0) services = createReferentielServices(EmptyFileSystem).Referentiel;
}

function format(text: string): string | undefined {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///fuzz/format-${counter++}.ref`));
    return formatDocumentText(services, document);
}

/**
 * Jusqu'où va un cas : `analyse` (analyse et mise en forme), `verification` (et liaison,
 * vérification), `complet` (et export dans les trois formats, évaluation).
 */
export type Level = 'analyse' | 'verification' | 'complet';

/** Passe un texte (et un dossier candidat JSON) dans la chaîne, jusqu'au niveau demandé. */
export async function runPipeline(text: string, candidate: string, level: Level): Promise<Outcome> {
    const full = level === 'complet';
    let document: LangiumDocument;
    try {
        if (level === 'analyse') {
            document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///fuzz/${counter++}.ref`));
        } else {
            document = await build(text);
        }
    } catch (error) {
        if (error instanceof PipelineFailure) throw error;
        throw new PipelineFailure('exception-analyse', (error as Error).stack ?? String(error));
    }
    try {
        const internal = (document.diagnostics ?? []).find(d => INTERNAL.test(String(d.message)));
        if (internal) throw new PipelineFailure('exception-verification', String(internal.message));
        const parsed = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length === 0;

        // Mise en forme : idempotente et sans perte sur tout texte qui s'analyse.
        let formatted = false;
        if (parsed) {
            let once: string | undefined;
            let twice: string | undefined;
            try {
                once = formatDocumentText(services, document);
                twice = once === undefined ? undefined : format(once);
            } catch (error) {
                throw new PipelineFailure('exception-mise-en-forme', (error as Error).stack ?? String(error));
            }
            if (once !== undefined) {
                formatted = true;
                if (twice !== once) throw new PipelineFailure('mise-en-forme-non-idempotente', JSON.stringify({ once, twice }).slice(0, 2000));
                if (once.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) throw new PipelineFailure('mise-en-forme-avec-perte', once.slice(0, 2000));
            }
        }

        if (level === 'analyse') return { parsed, errors: 0, formatted, exported: false };
        const model = services.referentiel.Models.forDocument(document);
        const errors = model ? countErrors(model) : 0;
        if (!full || !model?.certification || errors > 0) {
            return { parsed, errors, formatted, exported: false };
        }

        // Export dans chaque format : des octets lisibles (JSON analysable, XML bien formé).
        try {
            JSON.parse(exportText(model, 'json'));
            JSON.parse(exportText(model, 'case'));
            const xml = exportText(model, 'rncp-xml');
            try {
                wellFormedXml(xml);
            } catch (error) {
                throw new PipelineFailure('export-illisible', `${(error as Error).message}\n${xml.slice(0, 2000)}`);
            }
        } catch (error) {
            if (error instanceof PipelineFailure) throw error;
            throw new PipelineFailure('exception-export', (error as Error).stack ?? String(error));
        }

        // Évaluation d'un dossier candidat engendré : un refus (InputError) est une réponse.
        let evaluation: string;
        try {
            evaluation = evaluateCandidate(model, readCandidateJson('fuzz.candidat.json', candidate, model), { date: '2026-06-30' }).decision;
        } catch (error) {
            if (!(error instanceof InputError)) throw new PipelineFailure('exception-evaluation', (error as Error).stack ?? String(error));
            evaluation = 'refus';
        }
        return { parsed, errors, formatted, exported: true, evaluation };
    } finally {
        if (level !== 'analyse') await forget(document);
    }
}
