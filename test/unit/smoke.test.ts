import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers.js';

describe('smoke', () => {
    it('parses', async () => {
        const ws = await workspace({
            'a.ref': `certification DATA-ENGINEER "Data Engineer" {
    niveau 7
}
bloc BC01 "Bloc un" {
    activité A1 "Groupe" {
        activité A1-1 "Analyse"
    }
    compétence C1.1 "Analyser les besoins de façon accessible" issue de A1-1
    compétence C1.2. "Deux" issue de A1-1
    modalité M1.1 "Mise en situation" {
        nature "mise en situation"
        seul
        évalue C1.1, C1.2
        critère CR1.1.1 "Le « besoin » est l'objet" vérifie C1.1 éliminatoire
    }
}
obtention {
    bloc validé si 100 % des compétences acquises
    épreuve memoire "Mémoire" sur 20
    épreuve soutenance "Soutenance" sur 20
    mesure periode_entreprise "Période en entreprise" en mois
    condition "Blocs" : tous les blocs validés
    condition "Période" : periode_entreprise >= 6 mois
    condition "Mémoire" : moyenne(memoire, soutenance) >= 10
    blocs acquis à vie
    aménagement valable 1 an ou temporaire
}
`});
        for (const d of ws.diagnostics('a.ref')) console.log(d.code, d.range.start.line + 1, d.message);
        expect(ws.codes('a.ref')).not.toContain('REF001');
    });
});
