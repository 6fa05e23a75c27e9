/**
 * La valeur d'une clause non répétable (« niveau », « nature », « bloc validé si … »…).
 * La grammaire les lit en listes (`+=`) pour que REF005 signale chaque répétition ; la valeur
 * retenue est la dernière écrite, comme le dit le message de REF005.
 */
export function single<T>(values: readonly T[] | undefined): T | undefined {
    return values && values.length > 0 ? values[values.length - 1] : undefined;
}
