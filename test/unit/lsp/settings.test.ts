import { describe, expect, it, vi } from 'vitest';
import { getLocale, setLocale } from '../../../language-server/src/i18n/locale.js';
import { readSettings } from '../../../language-server/src/lsp/settings.js';
import { deWorkspace } from './lsp-helpers.js';

describe('réglages de l\'éditeur (section « referentiel »)', () => {
    it('referentiel.regles change les sévérités et revérifie les documents', async () => {
        const ws = await deWorkspace();
        const before = ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106');
        expect(before?.severity).toBe(2);
        await ws.services.editor.Settings.apply({ regles: { REF106: 'error' } });
        expect(ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106')?.severity).toBe(1);
        await ws.services.editor.Settings.apply({ regles: { REF106: 'off' } });
        expect(ws.codes('bloc2.ref')).not.toContain('REF106');
        await ws.services.editor.Settings.apply({});
        expect(ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106')?.severity).toBe(2);
    });

    it('un changement reçu par workspace/didChangeConfiguration est appliqué', async () => {
        const ws = await deWorkspace();
        ws.services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { referentiel: { regles: { REF106: 'info' } } } });
        await vi.waitFor(() => expect(ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106')?.severity).toBe(3));
        // Une autre section ne change rien.
        ws.services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { autre: { regles: { REF106: 'off' } } } });
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106')?.severity).toBe(3);
    });

    it('referentiel.langue : les diagnostics sont republiés dans la langue choisie', async () => {
        const ws = await deWorkspace();
        expect(ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106')?.message).toBe('La modalité M2.1 du bloc BC02 évalue C1.3, qui appartient au bloc BC01.');
        await ws.services.editor.Settings.apply({ langue: 'en' });
        expect(getLocale()).toBe('en');
        expect(ws.diagnostics('bloc2.ref').find(d => d.code === 'REF106')?.message).toBe('Situation M2.1 of bloc BC02 assesses C1.3, which belongs to bloc BC01.');
        setLocale('fr');
    });

    it('« auto » suit la langue de l\'éditeur ; les valeurs invalides sont ignorées avec un message', () => {
        expect(readSettings({ langue: 'auto' }, 'en-US').locale).toBe('en');
        expect(readSettings({ langue: 'auto' }, 'fr').locale).toBe('fr');
        expect(readSettings({ langue: 'fr' }, 'en').locale).toBe('fr');
        const read = readSettings({ regles: { ref102: 'off', REF999: 'off', REF101: 'grave', REF401: 'avertissement' }, langue: 'de' }, undefined);
        expect([...read.rules]).toEqual([['REF102', 'off'], ['REF401', 'warning']]);
        expect(read.locale).toBeUndefined();
        expect(read.problems).toEqual([
            'Réglage referentiel.regles : « REF999 » n\'est pas une règle connue (ignoré).',
            'Réglage referentiel.regles : « grave » n\'est pas une sévérité pour REF101 (error, warning, info ou off ; ignoré).',
            'Réglage referentiel.langue : « de » n\'est pas une langue (fr, en ou auto ; ignoré).'
        ]);
    });
});
