declare module "stopword" {
  export const eng: string[];
  export const fra: string[];
}

declare module "stopword/dist/stopword.esm.mjs" {
  export const eng: string[];
  export const fra: string[];
}
