/** A text tree with every leaf a string: `Texts<typeof zhCN>` is what the English tree must match, key for key. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }

/** The dotted keys of a text tree (`psych.assess.missing`), the form i18next is given them in. */
export type FlatKeys<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : FlatKeys<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** English plural forms of keys the tree has (`<key>_one`, `<key>_other`): a plural of a missing key is a type error. */
export type Plurals<T> = Partial<Record<`${FlatKeys<T>}_${'one' | 'other'}`, string>>
