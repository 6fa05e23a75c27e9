/**
 * Génère un catalogue de référentiels propres (sans diagnostic), pour mesurer le passage à
 * l'échelle : chaque référentiel a ses propres codes (tous ont un C1.1) et tient en plusieurs
 * fichiers (un en-tête + un fichier par bloc).
 */
export interface GeneratedFile {
    readonly name: string;
    readonly text: string;
}

export function generateReferentiel(index: number, blocs = 4, competencesPerBloc = 6): GeneratedFile[] {
    const code = `CERT-${String(index).padStart(4, '0')}`;
    const files: GeneratedFile[] = [];
    files.push({
        name: `${code}/${code.toLowerCase()}.ref`,
        text: `certification ${code} "Certification générée n° ${index}" {
    niveau ${1 + (index % 8)}
    certificateur "Organisme ${index}"
}

obtention {
    bloc validé si 100 % des compétences acquises
    épreuve memoire "Mémoire" sur 20
    épreuve soutenance "Soutenance" sur 20
    mesure stage "Stage" en mois
    condition "Blocs" : tous les blocs validés
    condition "Stage" : stage >= 6 mois
    condition "Mémoire" : moyenne(memoire, soutenance) >= 10
    blocs acquis à vie
}
`
    });
    for (let b = 1; b <= blocs; b++) {
        const lines: string[] = [`référentiel ${code}`, '', `bloc BC0${b} "Bloc ${b} du référentiel ${index}" {`];
        lines.push(`    activité A${b} "Activités du bloc ${b}" {`);
        for (let c = 1; c <= competencesPerBloc; c++) {
            lines.push(`        activité A${b}-${c} "Activité ${b}.${c} : l'équipe « projet » organise le travail"`);
        }
        lines.push('    }');
        for (let c = 1; c <= competencesPerBloc; c++) {
            lines.push(`    compétence C${b}.${c} "Compétence ${b}.${c} du référentiel ${index}, décrite en une phrase" issue de A${b}-${c}`);
        }
        lines.push(`    modalité M${b}.1 "Mise en situation du bloc ${b}" {`);
        lines.push('        nature "mise en situation"');
        lines.push('        seul');
        lines.push(`        évalue ${Array.from({ length: competencesPerBloc }, (_, i) => `C${b}.${i + 1}`).join(', ')}`);
        for (let c = 1; c <= competencesPerBloc; c++) {
            lines.push(`        critère CR${b}.1.${c} "Le critère ${c} est observé" vérifie C${b}.${c}`);
        }
        lines.push('    }');
        lines.push('}');
        files.push({ name: `${code}/bc0${b}.ref`, text: lines.join('\n') + '\n' });
    }
    return files;
}

export function generateCatalogue(count: number): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    for (let i = 1; i <= count; i++) files.push(...generateReferentiel(i));
    return files;
}
