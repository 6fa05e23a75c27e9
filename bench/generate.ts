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

/**
 * La taille d'un référentiel généré. `banc` (par défaut) : 4 blocs de 6 compétences aux textes
 * courts, ≈ 7 Ko. `realiste` : la taille des référentiels réels (l'échantillon data-engineer pèse
 * 51 Ko, le catalogue de l'issue 13 50 Mo pour 1 000) — 5 blocs de 8 compétences rédigées (verbe à
 * l'infinitif, finalité), 2 à 3 critères par compétence, notes et commentaires, ≈ 50 Ko.
 */
export type CatalogueSize = 'banc' | 'realiste';

export function generateCatalogue(count: number, size: CatalogueSize = 'banc'): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    for (let i = 1; i <= count; i++) files.push(...(size === 'realiste' ? generateRealisticReferentiel(i) : generateReferentiel(i)));
    return files;
}

const VERBS = ['Concevoir', 'Analyser', 'Piloter', 'Organiser', 'Développer', 'Évaluer', 'Planifier', 'Mettre en œuvre', 'Coordonner', 'Rédiger', 'Présenter', 'Déployer'];
const OBJECTS = ['un tableau de bord', 'une architecture de données', 'un plan de formation', 'une démarche qualité', 'un cahier des charges',
    'une campagne de tests', 'un budget prévisionnel', 'une cartographie des risques', 'un processus de recrutement', 'une veille technologique',
    'un référentiel documentaire', 'une stratégie de communication', 'un dispositif de sécurité', 'une procédure d\'achat', 'un calendrier de production'];
const MEANS = ['en s\'appuyant sur les indicateurs de l\'entreprise', 'en associant les équipes concernées', 'en respectant le cadre réglementaire',
    'à partir des besoins exprimés par le client', 'en tenant compte des contraintes techniques et budgétaires', 'en mobilisant des outils numériques adaptés',
    'en intégrant les situations de handicap', 'selon une méthode de gestion de projet reconnue', 'en documentant chaque étape et chaque décision'];
const PURPOSES = ['afin de garantir la continuité du service', 'afin d\'améliorer la performance de l\'organisation', 'afin de sécuriser les livrables attendus',
    'afin de répondre aux attentes des utilisateurs', 'afin de réduire les délais de traitement', 'afin d\'assurer la conformité des pratiques',
    'afin de soutenir le développement commercial', 'afin de faciliter la prise de décision'];
const FACTS = ['Le livrable présente', 'Le dossier décrit', 'La présentation expose', 'Le plan proposé détaille', 'La note de synthèse justifie', 'Le prototype démontre'];
const QUALITIES = ['les objectifs chiffrés et leurs indicateurs', 'les étapes, les jalons et les responsables', 'les risques identifiés et les mesures associées',
    'les choix techniques et leurs justifications', 'le budget et les ressources mobilisées', 'les critères de réussite partagés avec le client',
    'les contraintes réglementaires applicables', 'les retours des utilisateurs et les corrections apportées'];

/** Un choix déterministe dans une liste. */
const pick = <T>(list: readonly T[], ...seeds: number[]): T => list[seeds.reduce((h, s) => (h * 31 + s) % 1_000_003, 7) % list.length];

/** Un référentiel de la taille des vrais (≈ 50 Ko), propre pour les règles de cohérence. */
export function generateRealisticReferentiel(index: number, blocs = 5, competencesPerBloc = 8): GeneratedFile[] {
    const files = generateReferentiel(index, 0, 0);
    const code = `CERT-${String(index).padStart(4, '0')}`;
    for (let b = 1; b <= blocs; b++) {
        const lines: string[] = [`référentiel ${code}`, '', `bloc BC0${b} "${pick(VERBS, index, b)} ${pick(OBJECTS, index, b, 1)} dans le référentiel ${index}, bloc ${b}" {`];
        lines.push(`    // Référentiel d'activités du bloc ${b} : les situations de travail et les activités exercées,`);
        lines.push('    // les métiers ou emplois visés, tels que la fiche les décrit.');
        lines.push(`    activité A${b} "Activités du bloc ${b} : ${pick(OBJECTS, index, b, 2)} et ${pick(OBJECTS, index, b, 3)}" {`);
        for (let c = 1; c <= competencesPerBloc; c++) {
            lines.push(`        activité A${b}-${c} "${pick(VERBS, index, b, c, 4).toLowerCase()} ${pick(OBJECTS, index, b, c, 5)} ${pick(MEANS, index, b, c, 6)}, activité ${b}.${c} du référentiel ${index}"`);
        }
        lines.push('    }', '');
        lines.push('    // Référentiel de compétences : les compétences et les connaissances, y compris transversales,');
        lines.push('    // qui découlent du référentiel d\'activités.');
        for (let c = 1; c <= competencesPerBloc; c++) {
            lines.push(`    compétence C${b}.${c} "${pick(VERBS, index, b, c, 7)} ${pick(OBJECTS, index, b, c, 8)} n° ${b}.${c} du référentiel ${index}, ${pick(MEANS, index, b, c, 9)} et ${pick(MEANS, index, b, c, 10)}, ${pick(PURPOSES, index, b, c, 11)} et ${pick(PURPOSES, index, b, c, 12)} (compétence ${index}-${b}-${c})" issue de A${b}-${c}`);
            lines.push(`        note "Connaissances associées à la compétence ${b}.${c} : ${pick(QUALITIES, index, b, c, 13)}, ${pick(QUALITIES, index, b, c, 14)}."`, '');
        }
        lines.push('    // Référentiel d\'évaluation : les critères et les modalités d\'évaluation des acquis.');
        lines.push(`    modalité M${b}.1 "Mise en situation professionnelle du bloc ${b} à partir d'un cas réel ou fictif" {`);
        lines.push('        nature "mise en situation"');
        lines.push('        seul');
        lines.push(`        évalue ${Array.from({ length: competencesPerBloc }, (_, i) => `C${b}.${i + 1}`).join(', ')}`);
        lines.push(`        consigne "Le candidat, seul, conduit ${pick(OBJECTS, index, b, 15)} pour une entreprise réelle ou fictive et remet un dossier écrit, puis le présente au jury pendant trente minutes."`);
        lines.push('        livrable "dossier" "Un dossier de vingt à trente pages, annexes comprises, présentant la démarche, les livrables et le bilan de la mission."');
        let n = 0;
        for (let c = 1; c <= competencesPerBloc; c++) {
            const criteres = 2 + ((index + b + c) % 2);
            for (let k = 1; k <= criteres; k++) {
                lines.push(`        critère CR${b}.1.${++n} "${pick(FACTS, index, b, c, k, 16)} ${pick(QUALITIES, index, b, c, k, 17)} pour la compétence ${b}.${c} (critère ${k})." vérifie C${b}.${c}`);
            }
        }
        lines.push('    }');
        lines.push('}');
        files.push({ name: `${code}/bc0${b}.ref`, text: lines.join('\n') + '\n' });
    }
    return files;
}
