import type { Lexicon } from "./lexicon.js";

export const pt: Lexicon = {
  code: "pt",
  weekdays: ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo", "segunda", "terça", "quarta", "quinta", "sexta"],
  months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
  dayWords: ["dia"],
  partsOfDay: ["manhã", "tarde", "noite"],
  numberWords: ["um", "dois", "três", "quatro", "cinco", "primeiro", "segundo", "terceiro", "último"],
  containers: ["keynotes", "palestras", "sessões", "oficinas", "lightning talks", "palestras que assisti*", "sessões que assisti*"],
  talkWords: ["palestra", "keynote", "sessão", "oficina", "painel", "apresentação"],
  parts: ["resumo", "notas", "perguntas", "demo", "demonstração", "conclusões", "conclusão", "contexto", "problema", "solução", "arquitetura", "resultados", "links", "slides", "vídeo", "introdução"],
  notesTopics: ["introdução", "conclusão*", "conclusões*", "a viagem*", "viagem*", "comida*", "estandes*", "patrocinadores*", "festa*", "networking*", "obrigado*", "agradecimentos*"],
  furniture: ["índice", "sumário", "conteúdo", "posts relacionados*", "comentários*", "sobre o autor*", "compartilhar*", "inscreva-se*"],
  speakerLabels: ["palestrantes", "palestrante", "apresentado por", "por", "com"],
  byWords: ["por", "de", "com"],
  andWords: ["e", "&"],
  mediaWords: ["slides", "vídeo", "video", "gravação"],
  signOffs: ["obrigado por ler*", "obrigada por ler*"],
  functionWords: ["o", "a", "os", "as", "um", "uma", "e", "ou", "mas", "de", "do", "da", "dos", "das", "em", "no", "na", "por", "para", "com", "sem", "é", "são", "foi", "que", "se", "seu", "sua", "não", "como", "mais"],
  honorifics: [],
  jobTitles: ["engenheiro", "engenheira", "diretor", "diretora", "fundador", "fundadora", "desenvolvedor", "desenvolvedora", "arquiteto"],
  reportingVerbs: ["apresentou", "apresentaram", "mostrou", "mostraram", "explicou", "explicaram", "falou", "falaram"],
};
