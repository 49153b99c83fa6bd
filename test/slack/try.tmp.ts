import { renderCard } from "../../adapters/slack/render.js";
const card = {
  title: 'Results for "ebpf <!channel>"',
  subtitle: "3 talks",
  items: [1,2,3].map(i => ({ title: `Talk ${i} & <@U123>`, meta: "Liz Rice · KubeCon EU 2022", snippet: [{text:"about "},{text:"eBPF",strong:true},{text:" programs in the kernel"}], link: {label:"Source", url:"https://example.org/a?b=1&c=2"}, details: {kind:"command" as const, label:"Details", command:`talk s${i}`}})),
  footer: "Page 1 of 2",
  actions: [{kind:"command" as const,label:"Next",command:"search ebpf page:2", style: "primary" as const},{kind:"share" as const,label:"Share in channel",command:"search ebpf"}],
};
console.log(JSON.stringify(renderCard(card), null, 1));
