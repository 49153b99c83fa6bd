import type { Lexicon } from "./lexicon.js";

export const zh: Lexicon = {
  code: "zh",
  weekdays: ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "周一", "周二", "周三", "周四", "周五"],
  months: [],
  dayWords: ["第"],
  partsOfDay: ["上午", "下午", "晚上"],
  numberWords: ["一", "二", "三", "四", "五"],
  containers: ["主题演讲", "演讲", "议题", "分论坛", "会议议题*", "精彩演讲*", "演讲嘉宾", "speaker", "speakers"],
  talkWords: ["演讲", "议题", "主题演讲", "分享", "圆桌", "讲座"],
  parts: ["总结", "小结", "概述", "笔记", "演示", "问答", "感想", "背景", "问题", "方案", "解决方案", "资料", "幻灯片", "视频", "参考", "链接", "简介"],
  notesTopics: ["前言", "引言", "结语", "总结*", "写在最后*", "最后*", "展台*", "赞助商*", "会场*", "午餐*", "晚宴*", "致谢*", "关于我们*", "活动回顾*", "更多*", "趋势*"],
  furniture: ["目录", "相关文章*", "相关阅读*", "评论*", "关于作者*", "分享*", "标签*"],
  speakerLabels: ["演讲者", "讲者", "发言人", "嘉宾", "分享人"],
  byWords: [],
  andWords: ["、", "和", "与"],
  mediaWords: ["视频", "幻灯片", "资料", "回放", "slides"],
  signOffs: ["感谢阅读*"],
  functionWords: [],
  honorifics: ["先生", "女士", "老师"],
  jobTitles: [],
  reportingVerbs: [],
};
