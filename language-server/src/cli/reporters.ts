import { existsSync } from 'node:fs';
import * as path from 'node:path';
import pc from 'picocolors';
import { escapeXml, printable } from '../common/markup.js';
import { getLocale } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import { RULES, type Severity } from '../validation/rules.js';
import { VERSION } from '../version.js';
import type { FileResult, LintReport } from './lint-report.js';
import { docsBaseUrl, RULE_DOCS } from './rule-docs.js';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = typeof LINT_FORMATS[number];

export interface ReportOptions {
    color?: boolean;
    filesChecked: number;
    maxWarnings?: number;
    summaryOnly?: boolean;
    /** Racine du dépôt pour les chemins SARIF et GitHub (sinon : le dossier qui contient .git). */
    basePath?: string;
    /** Adresse de base de la documentation publiée (helpUri des règles SARIF). */
    docsUrl?: string;
    /** JUnit : les avertissements sont des cas en échec. */
    junitWarningsAsFailures?: boolean;
    /** Durée de la vérification et son début (JUnit : time, timestamp). */
    durationMs?: number;
    startedAt?: Date;
}

export function formatReport(report: LintReport, format: LintFormat, options: ReportOptions): string {
    switch (format) {
        case 'json': return json(report, options.filesChecked);
        case 'sarif': return sarif(report, options);
        case 'github': return github(report, options);
        case 'junit': return junit(report, options);
        default: return stylish(report, options);
    }
}

// --- stylish : fichier:ligne:colonne sévérité code message ---------------------------------
// Un autre endroit en cause (l'autre définition d'un code en double…) suit sur une ligne en
// retrait : « ↳ fichier:ligne:colonne message » (les problem matchers ne la lisent pas).

function stylish(report: LintReport, options: ReportOptions): string {
    const c = pc.createColors(options.color ?? false);
    const paint = (severity: Severity, text: string): string =>
        severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.blue(text);
    const lines: string[] = [];
    for (const file of options.summaryOnly ? [] : report.files) {
        for (const m of file.messages) {
            // Chemins et messages citent le texte des fichiers : aucun contrôle n'atteint le terminal.
            lines.push(`${c.underline(`${printable(file.path)}:${m.line}:${m.column}`)} ${paint(m.severity, msg(`severity.${m.severity}`))} ${c.dim(m.code)} ${printable(m.message)}`);
            for (const r of m.related) {
                lines.push(`  ${c.dim('↳')} ${c.underline(`${printable(r.path)}:${r.line}:${r.column}`)} ${c.dim(printable(r.message))}`);
            }
        }
    }
    const total = report.errors + report.warnings + report.infos;
    if (lines.length > 0) lines.push('');
    if (total === 0) {
        lines.push(c.green(msg('lint.summary.clean', { files: options.filesChecked })));
    } else {
        const summary = msg('lint.summary.problems', { total, errors: report.errors, warnings: report.warnings, infos: report.infos, files: options.filesChecked });
        lines.push(report.errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
        if (report.fixable > 0) lines.push(c.dim(msg('lint.summary.fixable', { count: report.fixable })));
    }
    if (report.hidden && report.hidden.warnings + report.hidden.infos > 0) {
        lines.push(c.dim(msg('lint.summary.hidden', { warnings: report.hidden.warnings, infos: report.hidden.infos })));
    }
    if (options.maxWarnings !== undefined && report.warnings > options.maxWarnings) {
        lines.push(c.red(msg('lint.summary.maxWarnings', { warnings: report.warnings, max: options.maxWarnings })));
    }
    return lines.join('\n') + '\n';
}

// --- json -------------------------------------------------------------------------------

function json(report: LintReport, filesChecked: number): string {
    return JSON.stringify({
        outil: 'referentiel', version: VERSION,
        fichiers: report.files.map(f => ({
            chemin: f.path,
            diagnostics: f.messages.map(m => ({
                code: m.code, severite: m.severity, message: m.message,
                ligne: m.line, colonne: m.column, ligneFin: m.endLine, colonneFin: m.endColumn,
                corrigeable: m.fixable,
                ...(m.related.length > 0 ? {
                    autresEmplacements: m.related.map(r => ({
                        chemin: r.path, ligne: r.line, colonne: r.column, ligneFin: r.endLine, colonneFin: r.endColumn, message: r.message
                    }))
                } : {})
            }))
        })),
        resume: { fichiers: filesChecked, erreurs: report.errors, avertissements: report.warnings, infos: report.infos, corrigeables: report.fixable }
    }, null, 2) + '\n';
}

// --- SARIF 2.1.0 (analyse de code : GitHub code scanning, GitLab…) -----------------------

/** GitHub : `problem.severity` d'une règle (error, warning, recommendation). */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

function sarif(report: LintReport, options: ReportOptions): string {
    const locale = getLocale();
    const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.code, i]));
    const level = (s: Severity): string => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
    const root = repositoryRoot(options.basePath);
    const docs = docsBaseUrl(options.docsUrl);
    const locate = (f: FileResult): { uri: string; uriBaseId?: string } => artifactLocation(root, f.file ?? path.resolve(f.path));
    // Un endroit : le fichier du rapport (par son chemin affiché) s'il y est, avec son rang dans `artifacts`.
    const fileIndex = new Map(report.files.map((f, i) => [f.path, i]));
    const physicalLocation = (p: string, region: { line: number; column: number; endLine: number; endColumn: number }) => {
        const index = fileIndex.get(p);
        const location = index !== undefined ? locate(report.files[index]) : artifactLocation(root, path.resolve(p));
        return {
            artifactLocation: { ...location, ...(index !== undefined ? { index } : {}) },
            region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn }
        };
    };
    const log = {
        $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'referentiel',
                    semanticVersion: VERSION,
                    version: VERSION,
                    informationUri: docs + 'ci.md',
                    language: locale,
                    rules: RULES.map(r => {
                        const doc = RULE_DOCS.get(r.code);
                        const help = doc ? [doc.detects, doc.fix].filter(Boolean).join('\n\n') : r.title[locale];
                        return {
                            id: r.code,
                            name: r.title.en.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')),
                            shortDescription: { text: r.title[locale] },
                            fullDescription: { text: doc?.why || r.title[locale] },
                            help: { text: help, markdown: `**${r.code} — ${r.title[locale]}**\n\n${help}\n\n[docs/rules.md](${docs}rules.md${doc ? '#' + encodeURIComponent(doc.anchor) : ''})` },
                            helpUri: docs + 'rules.md' + (doc ? '#' + encodeURIComponent(doc.anchor) : ''),
                            defaultConfiguration: { level: level(r.severity), ...(r.defaultOff ? { enabled: false } : {}) },
                            properties: {
                                category: r.category,
                                tags: ['referentiel', r.category, ...(r.autofix ? ['autofix'] : [])],
                                'problem.severity': PROBLEM_SEVERITY[r.severity]
                            }
                        };
                    })
                }
            },
            // Les colonnes sont celles du protocole LSP : des unités de code UTF-16 (SARIF §3.14.27).
            columnKind: 'utf16CodeUnits',
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(root) + '/' } },
            artifacts: report.files.map(f => ({ location: locate(f) })),
            results: report.files.flatMap(f => f.messages.map(m => ({
                ruleId: m.code,
                ...(ruleIndex.has(m.code) ? { ruleIndex: ruleIndex.get(m.code) } : {}),
                level: level(m.severity),
                message: { text: m.message },
                locations: [{ physicalLocation: physicalLocation(f.path, m) }],
                ...(m.related.length > 0 ? {
                    relatedLocations: m.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r.path, r), message: { text: r.message } }))
                } : {}),
                ...(m.fingerprint ? { partialFingerprints: { 'referentiel/v1': m.fingerprint } } : {})
            })))
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/**
 * La racine du dépôt : `--base-path` s'il est donné, sinon le premier dossier qui contient
 * `.git` en remontant depuis le dossier courant, sinon le dossier courant.
 */
export function repositoryRoot(basePath?: string): string {
    if (basePath) return path.resolve(basePath);
    let dir = process.cwd();
    for (;;) {
        if (existsSync(path.join(dir, '.git'))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) return process.cwd();
        dir = parent;
    }
}

/** Chemin relatif à la racine du dépôt (%SRCROOT%) ; URI absolue pour un fichier hors du dépôt. */
function artifactLocation(root: string, file: string): { uri: string; uriBaseId?: string } {
    const relative = path.relative(root, file);
    return relative.startsWith('..') || path.isAbsolute(relative)
        ? { uri: pathToFileUri(file) }
        : { uri: encodeUriPath(relative.split(path.sep).join('/')), uriBaseId: '%SRCROOT%' };
}

/** Chemin d'un fichier pour GitHub : relatif à la racine du dépôt quand il y est. */
function repositoryPath(root: string, f: FileResult): string {
    const relative = path.relative(root, f.file ?? path.resolve(f.path));
    return relative.startsWith('..') || path.isAbsolute(relative) ? f.path : relative.split(path.sep).join('/');
}

function encodeUriPath(p: string): string {
    return p.split('/').map(encodeURIComponent).join('/');
}

function pathToFileUri(p: string): string {
    const slashed = p.split('\\').join('/');
    return 'file://' + (slashed.startsWith('/') ? '' : '/') + encodeUriPath(slashed);
}

// --- Annotations GitHub Actions ----------------------------------------------------------

function github(report: LintReport, options: ReportOptions): string {
    const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
    const command = (s: Severity): string => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice');
    const root = repositoryRoot(options.basePath);
    const lines: string[] = [];
    for (const f of report.files) {
        const file = repositoryPath(root, f);
        for (const m of f.messages) {
            // Une annotation n'a qu'un endroit : les autres suivent le message, une ligne chacun.
            // Chaque partie sans caractère de contrôle (un chemin ou un message ne coupe pas la commande) ;
            // les sauts de ligne voulus entre les parties sont ensuite encodés (%0A).
            const text = [printable(m.message), ...m.related.map(r => printable(`${r.path}:${r.line}:${r.column} ${r.message}`))].join('\n');
            lines.push(`::${command(m.severity)} file=${escapeProperty(printable(file))},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.code)}::${escapeData(text)}`);
        }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/**
 * Le résumé Markdown d'une étape GitHub Actions (fichier GITHUB_STEP_SUMMARY) : GitHub
 * n'affiche que 10 annotations d'avertissement par étape, ce tableau les donne toutes.
 */
export function githubStepSummary(report: LintReport, options: ReportOptions): string {
    const root = repositoryRoot(options.basePath);
    const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    const total = report.errors + report.warnings + report.infos;
    const lines = [`## ${msg('lint.githubSummary.title')}`, ''];
    lines.push(total === 0
        ? msg('lint.summary.clean', { files: options.filesChecked })
        : msg('lint.summary.problems', { total, errors: report.errors, warnings: report.warnings, infos: report.infos, files: options.filesChecked }));
    if (total > 0) {
        lines.push('', `| ${msg('lint.githubSummary.columns')} |`, '|---|---:|---:|---|---|---|');
        for (const f of report.files) {
            const file = repositoryPath(root, f);
            for (const m of f.messages) {
                lines.push(`| ${cell(file)} | ${m.line} | ${m.column} | ${msg(`severity.${m.severity}`)} | ${m.code} | ${cell(m.message)} |`);
            }
        }
    }
    return lines.join('\n') + '\n\n';
}

// --- JUnit (GitLab CI, Jenkins…) -----------------------------------------------------------

/**
 * Schéma JUnit de Jenkins (xunit). Une erreur est un cas en échec (`<failure>`) ; un
 * avertissement ou une info est un cas réussi dont `<system-out>` donne le message — sauf
 * avec --junit-warnings-as-failures, où les avertissements échouent aussi.
 */
function junit(report: LintReport, options: ReportOptions): string {
    const fails = (m: { severity: Severity }): boolean => m.severity === 'error' || (m.severity === 'warning' && options.junitWarningsAsFailures === true);
    const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);
    const duration = options.durationMs ?? 0;
    // Les fichiers sont vérifiés ensemble : la durée est répartie également entre eux.
    const share = report.files.length > 0 ? duration / report.files.length : 0;
    const timestamp = (options.startedAt ?? new Date()).toISOString().slice(0, 19);
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const tests = report.files.reduce((n, f) => n + Math.max(1, f.messages.length), 0);
    const failures = report.files.reduce((n, f) => n + f.messages.filter(fails).length, 0);
    out.push(`<testsuites name="referentiel lint" time="${seconds(duration)}" tests="${tests}" failures="${failures}" errors="0">`);
    for (const f of report.files) {
        out.push(`  <testsuite name="${xml(f.path)}" tests="${Math.max(1, f.messages.length)}" failures="${f.messages.filter(fails).length}" errors="0" skipped="0" time="${seconds(share)}" timestamp="${timestamp}">`);
        if (f.messages.length === 0) {
            out.push(`    <testcase classname="${xml(f.path)}" name="referentiel lint" time="0"/>`);
        }
        for (const m of f.messages) {
            const related = m.related.map(r => `\n  ↳ ${r.path}:${r.line}:${r.column} ${r.message}`).join('');
            const text = `${f.path}:${m.line}:${m.column} ${msg(`severity.${m.severity}`)} ${m.code} ${m.message}${related}`;
            out.push(`    <testcase classname="${xml(f.path)}" name="${xml(`${m.code} ${f.path}:${m.line}:${m.column}`)}" time="0">`);
            out.push(fails(m)
                ? `      <failure type="${m.severity}" message="${xml(m.message)}">${xmlText(text)}</failure>`
                : `      <system-out>${xmlText(text)}</system-out>`);
            out.push('    </testcase>');
        }
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}

/** Valeur d'attribut XML : les sauts de ligne y deviennent &#10; (sinon un lecteur XML les changerait en espaces), les caractères interdits disparaissent. */
export function xml(text: string): string {
    return escapeXml(text, { quotes: true }).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** Contenu d'élément XML : les sauts de ligne restent, les caractères interdits disparaissent. */
function xmlText(text: string): string {
    return escapeXml(text);
}
