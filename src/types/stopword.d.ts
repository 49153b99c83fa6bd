declare module "stopword/dist/stopword.esm.mjs" {
  export const eng: string[];
  export const fra: string[];
}
