import type { Lexicon } from "./lexicon.js";

export const es: Lexicon = {
  code: "es",
  weekdays: ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
  months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
  dayWords: ["día"],
  partsOfDay: ["mañana", "tarde", "noche"],
  numberWords: ["uno", "dos", "tres", "cuatro", "cinco", "primer", "primero", "segundo", "tercer", "tercero", "último"],
  containers: ["keynotes", "charlas", "sesiones", "ponencias", "talleres", "lightning talks", "charlas a las que asistí*", "sesiones a las que asistí*"],
  talkWords: ["charla", "keynote", "sesión", "ponencia", "taller", "panel", "presentación"],
  parts: ["resumen", "notas", "preguntas", "demo", "demostración", "conclusiones", "conclusión", "contexto", "problema", "solución", "arquitectura", "resultados", "enlaces", "diapositivas", "vídeo", "video", "introducción"],
  notesTopics: ["introducción", "conclusión*", "conclusiones*", "el viaje*", "viaje*", "comida*", "stands*", "patrocinadores*", "fiesta*", "networking*", "gracias*", "agradecimientos*"],
  furniture: ["índice", "contenido", "tabla de contenidos", "artículos relacionados*", "comentarios*", "sobre el autor*", "compartir*", "suscríbete*"],
  speakerLabels: ["ponentes", "ponente", "oradores", "presentado por", "por", "con"],
  byWords: ["por", "de", "con"],
  andWords: ["y", "&"],
  mediaWords: ["diapositivas", "vídeo", "video", "grabación", "slides"],
  signOffs: ["gracias por leer*"],
  functionWords: ["el", "la", "los", "las", "un", "una", "y", "o", "pero", "de", "del", "a", "al", "en", "por", "para", "con", "sin", "es", "son", "fue", "que", "se", "lo", "su", "sus", "no", "como", "más"],
  honorifics: [],
  jobTitles: ["ingeniero", "ingeniera", "director", "directora", "fundador", "fundadora", "desarrollador", "desarrolladora", "arquitecto"],
  reportingVerbs: ["presentó", "presentaron", "mostró", "mostraron", "explicó", "explicaron", "habló", "hablaron", "contó", "contaron"],
};
