import { promises as fs } from 'node:fs';
import { URI } from 'langium';
import { msg, joinList } from '../i18n/messages.js';
import { printable } from '../common/markup.js';
import { applyFixes, computeCodeFixes, type CodeFix } from '../fixes/code-fixes.js';
import { suggest } from '../codes.js';
import type { ReferentielServices } from '../referentiel-module.js';
import { isRuleCode, RULES_BY_CODE, type RuleCode, type SeverityOrOff } from '../validation/rules.js';
import { parseSeverity } from '../validation/settings.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import { checkOutput, displayPath, writeAtomic, writeStdout } from './io.js';
import { buildReport } from './lint-report.js';
import { loadWorkspace, type LoadedWorkspace } from '../core/workspace.js';
import { formatReport, githubStepSummary, LINT_FORMATS, type LintFormat, type ReportOptions } from './reporters.js';

export interface LintOptions {
    format: string;
    maxWarnings?: string;
    quiet?: boolean;
    fix?: boolean;
    outputFile?: string;
    rule?: string[];
    basePath?: string;
    docsUrl?: string;
    junitWarningsAsFailures?: boolean;
    color: boolean;
}

export function parseRuleOptions(values: readonly string[] = []): Map<RuleCode, SeverityOrOff> {
    const result = new Map<RuleCode, SeverityOrOff>();
    for (const value of values) {
        const match = /^\s*([A-Za-z]+\d+)\s*[=:]\s*(\S+)\s*$/.exec(value);
        const severity = match ? parseSeverity(match[2]) : undefined;
        if (!match || !severity) {
            throw new UsageError(msg('error.badRule', { value }));
        }
        const code = match[1].toUpperCase();
        if (!isRuleCode(code)) {
            const close = suggest(code, RULES_BY_CODE.keys(), 1);
            throw new UsageError(msg('error.unknownRule', { value: code, suggestion: close.length ? ' ' + msg('link.didYouMean', { names: close[0] }) : '' }));
        }
        result.set(code, severity);
    }
    return result;
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) {
        throw new UsageError(msg('error.badFormat', { value, allowed: joinList([...allowed]) }));
    }
    return value as T;
}

export function parseCount(value: string | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value.trim())) {
        throw new UsageError(msg('error.badInteger', { value }));
    }
    return Number(value);
}

/** L'extension d'un rapport, pour l'exemple du message « -o est un dossier ». */
const OUTPUT_EXTENSION: Record<LintFormat, string> = { stylish: 'txt', json: 'json', sarif: 'sarif', github: 'txt', junit: 'xml' };

/** `referentiel lint <chemins…>` : renvoie le code de sortie. */
export async function lintCommand(paths: string[], options: LintOptions): Promise<number> {
    const startedAt = new Date();
    const format = parseFormat<LintFormat>(options.format, LINT_FORMATS);
    if (options.basePath !== undefined && !(await fs.stat(options.basePath).then(st => st.isDirectory(), () => false))) {
        throw new UsageError(msg('error.noSuchPath', { path: options.basePath }));
    }
    const docsUrl = options.docsUrl ?? process.env.REFERENTIEL_DOCS_URL;
    if (docsUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(docsUrl)) {
        throw new UsageError(msg('error.badDocsUrl', { value: docsUrl }));
    }
    const maxWarnings = parseCount(options.maxWarnings);
    const rules = parseRuleOptions(options.rule);
    const configure = (services: ReferentielServices): void => services.validation.RuleSettings.set(rules);
    let workspace: LoadedWorkspace | undefined = await loadWorkspace(paths, configure);
    if (options.outputFile) await checkOutput(options.outputFile, workspace.all.map(d => d.uri.fsPath), OUTPUT_EXTENSION[format]);
    let fixLog = '';

    if (options.fix) {
        const fixes = computeCodeFixes(workspace.services, workspace.all);
        const byUri = new Map<string, CodeFix[]>();
        for (const fix of fixes) byUri.set(fix.uri, [...(byUri.get(fix.uri) ?? []), fix]);
        const applied: Array<{ file: string; fix: CodeFix }> = [];
        // Tout est calculé avant d'écrire ; chaque fichier est remplacé d'un coup.
        const writes: Array<{ file: string; text: string }> = [];
        for (const [uri, list] of byUri) {
            const document = workspace.all.find(d => d.uri.toString() === uri);
            if (!document) continue;
            const result = applyFixes(document.textDocument.getText(), list);
            writes.push({ file: URI.parse(uri).fsPath, text: await restoreBom(URI.parse(uri).fsPath, result.text) });
            for (const fix of result.applied) applied.push({ file: displayPath(document), fix });
        }
        for (const write of writes) await writeAtomic(write.file, write.text);
        if (applied.length > 0) {
            const lines = [msg('lint.fix.applied', { count: applied.length, files: writes.length })];
            for (const { file, fix } of applied) {
                const params = { file, line: fix.range.start.line + 1, column: fix.range.start.character + 1, before: fix.before.replace(/^,\s*/, ''), after: fix.newText, code: fix.code };
                lines.push(printable(msg(fix.code === 'REF110' ? 'lint.fix.remove' : 'lint.fix.line', params)));
            }
            fixLog = lines.join('\n') + '\n\n';
            workspace = await loadWorkspace(paths, configure);
        } else {
            fixLog = msg('lint.fix.none') + '\n\n';
        }
    }

    const report = buildReport(workspace.targets, { quiet: options.quiet, fingerprints: format === 'sarif' });
    const filesChecked = workspace.targets.length;
    // Le rapport ne garde que des chemins, des positions et des messages : les arbres, les index
    // et les textes de l'espace de travail peuvent partir avant d'écrire le rapport (mémoire de crête).
    workspace = undefined;
    const reportOptions: ReportOptions = {
        color: options.color && !options.outputFile, filesChecked, maxWarnings,
        basePath: options.basePath, docsUrl, junitWarningsAsFailures: options.junitWarningsAsFailures,
        startedAt, durationMs: Date.now() - startedAt.getTime()
    };
    const output = formatReport(report, format, reportOptions);
    const stepSummary = process.env.GITHUB_STEP_SUMMARY;
    if (format === 'github' && stepSummary) {
        // Dans GitHub Actions : le tableau de tous les problèmes, ajouté au résumé de l'étape.
        await fs.appendFile(stepSummary, githubStepSummary(report, reportOptions), 'utf8');
    }
    if (options.outputFile) {
        await writeAtomic(options.outputFile, output);
        if (fixLog) await writeStdout(fixLog);
        if (format !== 'stylish') {
            // Le résumé reste visible dans le terminal quand le rapport part dans un fichier.
            await writeStdout(formatReport(report, 'stylish', { color: options.color, filesChecked, maxWarnings, summaryOnly: true }));
        }
    } else {
        if (fixLog && format === 'stylish') await writeStdout(fixLog);
        else if (fixLog) process.stderr.write(fixLog);
        await writeStdout(output);
    }
    const tooManyWarnings = maxWarnings !== undefined && report.warnings > maxWarnings;
    return report.errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/** Un fichier qui commençait par un BOM le garde après correction. */
async function restoreBom(file: string, text: string): Promise<string> {
    try {
        const handle = await fs.open(file, 'r');
        const buffer = Buffer.alloc(3);
        await handle.read(buffer, 0, 3, 0);
        await handle.close();
        return buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? '\uFEFF' + text : text;
    } catch {
        return text;
    }
}

