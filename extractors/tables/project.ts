// Named projects (SPEC 3, project): the words that end a project name, the words that mark a list or a name
// as a category, programme or organisation rather than a project, the words that open a name's left context,
// place suffixes and status words. Plain data: the matching code in extractors/project.ts is generic.

/** Facility heads: a name may end with one of these (本桓高速, 雷打滩水电站, 金州湾国际机场T3航站楼). */
export const NOUN_HEADS: readonly string[] = [
  '工程', '高速公路', '高速', '公路', '铁路', '城际铁路', '高铁', '城际', '快速路', '国道', '省道', '环线', '轻轨', '管廊',
  '大道', '航道', '船闸', '港', '通道', '绕道', '天桥', '口岸', '综合楼', '办公楼', '大楼', '住院楼', '教学楼', '体育中心', '数据中心', '产业城', '智慧城', '科创城', '安置房', '保障房', '轨道交通', '号线', '地铁', '大桥', '桥梁', '隧道', '隧洞',
  '电站', '水电站', '电厂', '发电厂', '热电厂', '储能电站', '风电场', '光伏电站', '变电站', '基站', '扬水站', '泵站',
  '污水处理厂', '水厂', '加工厂', '煤矿', '矿井', '水库', '支渠', '干渠', '灌区', '堤防', '防洪堤', '河堤', '海堤', '大堤', '码头', '港区',
  '机场', '航站楼', '航厦', '枢纽', '物流园', '产业园', '科技园', '文化园', '工业园', '聚酯园', '基地', '生产线', '科学城',
  '健康城', '新城', '小镇', '综合体', '商业街', '街区', '大厦', '中心', '文化宫', '体育馆', '体育场', '博物馆', '图书馆',
  '医院', '学校', '中学', '小学', '大学城', '展厅', '小区', '花园', '广场', '天地', '棚户区', '实验室', '处理设施',
];

/** Heads of institutions: alone, outside a list, they name the institution, unless the text speaks of
 * building it (庆来学校 in a list of projects; not 市第一人民医院开展义诊). */
export const INSTITUTION_HEADS: readonly string[] = [
  '医院', '学校', '中学', '小学', '文化宫', '体育馆', '体育场', '博物馆', '图书馆', '中心', '大学城', '花园', '广场',
  '小区', '天地', '实验室',
];

/** Characters that end a facility word (实训楼, 体育馆, 水厂): a jieba word ending with one is a head. */
export const FACILITY_CHARS: readonly string[] = ['楼', '馆', '园', '站'];

/** Heads that end a name only inside a list of names (弥师路、锁平高速公路): alone they are too common. */
export const WEAK_HEADS: readonly string[] = ['路', '线', '街', '桥', '厂', '矿', '站', '楼', '馆', '园', '城'];

/** Heads that are actions: they end a name when 项目/工程 follows or inside a list (东关街历史文化街区改造项目). */
export const VERB_HEADS: readonly string[] = [
  '改造', '扩建', '改扩建', '技改', '开发', '治理', '提效', '维修', '加固', '除险加固', '一体化', '搬迁', '升级改造',
  '整治', '修复', '新建', '迁建', '提升改造', '提升', '综合提升', '提标改造', '建设工程', '建设', '扩容', '重建', '建造',
  '兴建', '整修', '整建', '改建', '完善', '优化', '改善', '拓宽', '扩阔', '延伸拓宽', '拆迁安置', '安置',
];

/** Actions that join a facility's name only before 项目/工程 (国购汽车文化园|建设步伐, but 综合楼建设项目). */
export const WEAK_WORK: readonly string[] = ['建设', '提升'];

/** A phase or section after a head, or as the head itself (成大疫苗三期, 滇中引水工程玉溪段). */
export const PHASE_RE = /^(?:第?[一二三四五六七八九十0-9]{1,2}期|(?![^段]*(?:阶段|手段|时段|地段))[\u4e00-\u9fff]{1,4}段)(?:工程)?/;

/** The generic noun of a project: a name may end with it (区人民医院新院区项目), and it closes a name or a list
 * (吉利汽车整车项目, 等本钢集团项目). */
export const PROJECT_NOUN = '项目';
/** The noun of construction works: it closes an action into a name (污水处理厂提标改造工程). */
export const WORKS_NOUN = '工程';
/** What a quoted name ends with when it names a campaign or a category of projects (“菜篮子”工程, “双百”项目). */
export const QUOTED_CATEGORY_ENDINGS: readonly string[] = [WORKS_NOUN, PROJECT_NOUN, '行动', '计划'];

/** The nouns a list of names ends with: 北营料场环保改造、绿色矿山提效等本钢集团项目. */
export const LIST_NOUNS: readonly string[] = [PROJECT_NOUN, WORKS_NOUN];
/** What closes an action on a facility into a name (污水处理厂|提标改造|工程). */
export const ACTION_CLOSERS: readonly string[] = [WORKS_NOUN, PROJECT_NOUN];
/** Words that begin with a list noun and are something else (项目部, a project's site office). */
export const LIST_NOUN_BLOCKERS: readonly string[] = ['项目部'];
/** What may not follow the list noun that closes a list after 等: the noun then begins another word (等…项目部,
 * 等…工程部署). */
export const LIST_TAIL_NOT_BEFORE: readonly string[] = ['部'];

/** Words after 等 (before 项目) that make the list one of categories, not of projects
 * (超低排放、数字化升级等技改项目, 道路维修、校舍改造等零散项目, 交通、水利等专项债项目). */
export const CATEGORY_MODIFIERS: readonly string[] = [
  '技改', '零散', '民生', '专项债', '中央预算内', '资金', '领域', '行业', '方向', '类型', '各类', '类别', '政策性',
  '补短板', '前期',
];

/** Sectors, categories and kinds of work: never a project name on their own. */
export const SECTORS: readonly string[] = [
  '生物医药', '绿色建材', '高端装备', '装备制造', '电子信息', '超低排放', '数字化升级', '数字化', '绿色节能', '节能',
  '节能环保', '医疗提升', '养老托育', '养老', '托育', '交通', '水利', '冷链', '冷链物流', '钢铁', '新能源', '新材料',
  '新基建', '文化旅游', '文旅', '房地产', '金融', '商业新业态', '新业态', '商业', '集成电路', '人工智能', '防洪减灾',
  '高标准农田', '高标准农田建设', '老旧小区', '老旧小区改造', '公共卫生', '补短板', '道路维修', '校舍改造',
  '设备购置', '设备更新', '物联网', '多式联运', '基础设施', '社会事业', '产业发展', '城市更新', '乡村振兴', '能源',
  '信息', '化工', '石化', '医疗', '教育', '卫生', '文化', '旅游', '体育', '环保', '生态环保', '农业', '工业',
  '服务业', '制造业', '现代服务业', '先进制造业', '物流', '电力', '通信', '5G网络', '新型基础设施', '城镇化',
  '资金', '土地', '征迁', '规划', '环评', '用地', '用能', '融资', '招商', '技术改造', '智能化改造', '数字化改造',
  '老旧管网', '地下管线改造', '海洋经济创新', '智能终端设备', '数字经济', '新能源汽车', '光伏', '风电', '储能', '氢能',
  '半导体', '大数据', '云计算', '新一代信息技术', '现代农业', '农业产业化', '生态环境', '乡村建设', '城市建设', '智慧城市',
  '新型城镇化', '社会民生', '公共服务', '产业链', '供应链', '制造', '智能制造', '先进制造', '高技术', '战略性新兴产业',
  '新兴产业', '传统产业', '技术改造升级', '设备更新', '以旧换新', '水电气', '水电气热', '燃气', '供热', '供水',
  '循环经济', '资源节约', '资源综合利用', '节能减排', '污染防治',
];

/** Generic modifiers: a name made only of these (with its head) names a kind of project, not one
 * (保障性安居工程, 优势农产品推进工程, 重大新兴产业工程, 农村公路). */
export const GENERIC_WORDS: readonly string[] = [
  '重大', '重点', '省级', '市级', '县级', '区级', '国家', '国家级', '若干', '保障性', '安居', '安居工程', '新兴产业',
  '优势', '农产品', '推进', '民生', '农村', '城乡', '城市', '城镇', '千亿', '百亿', '千亿级', '百亿级', '级', '新型', '绿色', '能源', '储运', '元器件', '产业', '集聚',
  '高端', '制造', '示范', '红色', '教育', '交易', '重大项目', '特色', '现代', '配套', '标志性', '省', '市', '县',
  '区', '新', '大', '老旧', '各', '全', '公共', '基础', '大型', '中小型', '在建', '拟建', '储备', '谋划', '场地',
  '主体', '附近', '周边', '街区', '郊区', '沿线', '城区', '工业园区', '高速', '园区', '开发区', '平整', '厂区', '最大', '一流', '知名', '政府', '投资', '建设', '工程', '项目', '企业', '沟', '道路',
  '排洪', '排水', '供水', '管网', '管道', '生活', '垃圾', '设施', '配套设施', '生态环境', '综合治理', '生态',
  '环境', '流域', '治理', '综合',
];

/** Endings that make a name a programme, plan, goal or document rather than a project. */
export const PROGRAMME_ENDINGS: readonly string[] = [
  '规划', '方案', '计划', '活动', '行动', '清单', '机制', '政策', '战略', '体系', '全覆盖', '落实年', '攻坚战',
  '大纲', '报告书', '报告', '办法', '决定', '纲要', '意见', '通知', '制度', '模式', '平台',
];

/** Organisation endings: a name ending with one of these is an organisation on its own (本钢集团). */
export const ORG_ENDINGS: readonly string[] = [
  '集团', '公司', '有限公司', '局', '委', '委员会', '政府', '研究所', '研究院', '设计院', '银行', '机构', '企业',
  '协会', '部门', '项目部', '指挥部', '大学', '学院',
];

/** Words that, right after a head, show the head is part of another noun (工程咨询公司, EPC工程总承包). */
export const HEAD_BLOCKERS: readonly string[] = [
  '咨询', '公司', '总承包', '师', '技术', '管理', '建设规划', '规划', '建设管理', '集团', '院', '局', '清单', '机制',
  '领域', '方案', '模式', '经济区', '片区', '园区', '示范区', '新区', '开发区', '集聚区', '经济带', '城区',
  '费用', '费', '减幅', '指挥部', '建设指挥部', '建设工作指挥部', '管委会', '方面', '类',
];

/** Words after 项目 that make it part of another noun (项目部, 重大项目库, 项目单位). */
export const PROJECT_BLOCKERS: readonly string[] = [
  '部', '库', '单位', '法人', '业主', '管理', '审批', '资金', '清单', '储备', '前期', '谋划', '包装', '负责人', '化',
  '为王', '落地', '招商', '推进会', '观摩', '服务', '手续', '用地',
];

/** Area words: a head followed by one of these names an area, not a project (机场临空经济区, 枢纽经济区). */
export const AREA_WORDS: readonly string[] = ['经济区', '新区', '园区', '片区', '示范区', '开发区', '集聚区', '经济带', '城区', '商圈', '功能区', '试验区', '自贸区', '保税区'];

/** Words right before a head that make it a kind of project (标志性工程, 示范工程, 民生工程, 重点工程). */
export const CATEGORY_ADJECTIVES: readonly string[] = [
  '标志性', '示范', '重点', '重大', '龙头', '旗舰', '样板', '民生', '惠民', '民心', '精品', '亮点', '形象', '面子',
  '基础性', '战略性', '关键', '骨干', '配套', '试点', '系列', '一批',
];

/** Words of a facility's operation: a name followed by these in its clause is a facility at work, not a
 * project (萧山国际机场货邮吞吐量83万吨, 西湖景区接待游客). */
export const OPERATION_WORDS: readonly string[] = [
  '吞吐量', '客流', '旅客', '游客', '发电量', '产量', '产值', '营业收入', '营收', '利润', '税收', '就诊', '门诊',
  '在校生', '招生', '床位', '通行量', '车流量', '货运量', '客运量', '里程',
];

/** Nouns after 等 that make the items before it areas, bodies or kinds, not projects (等重点片区, 等企业). */
export const LIST_KIND_WORDS: readonly string[] = [
  '片区', '园区', '平台', '企业', '公司', '集团', '单位', '部门', '机构', '领域', '行业', '产业', '方向', '城市', '地区',
  '区域', '县区', '乡镇', '国家', '省份', '央企', '高校', '院所', '问题',
];

/** Words that open the left context of a name: a name never starts before one of these
 * (推动扩大滨河南路改造, 此外,包括本钢资源综合利用发电工程, 引进上海联影医疗CT设备生产线). */
export const FRAME_WORDS: readonly string[] = [
  '推动', '推进', '加快', '加大', '扩大', '支持', '引进', '实施', '启动', '完成', '做好', '抓好', '抓紧', '确保',
  '细化', '打造', '建成', '落地', '发展', '壮大', '发展壮大', '争取', '围绕', '包括', '聚焦', '主推', '解决', '盘活',
  '服务', '保障', '协调', '督促', '开展', '重点', '积极', '全力', '加速', '谋划', '储备', '建设', '新建', '续建',
  '在建', '开工', '新开工', '竣工', '签约', '采用', '利用好', '依托', '带动', '引入', '投资', '其中', '此外', '以及',
  '同时', '目前', '今年', '全市', '全县', '全区', '全省', '我市', '我县', '我区', '我省', '一是', '二是', '三是',
  '四是', '五是', '有', '是', '为', '对', '在', '将', '把', '以', '向', '与', '和', '及', '或', '了', '的', '等',
  '获', '获得', '获批', '入驻', '成为', '作为', '属于', '列入', '纳入', '加强', '深化', '优化', '强化', '提升', '提高', '筹建', '兴建', '规划建设',
  '加快推进', '全力推进', '着力', '力争', '计划', '拟', '预计', '正在', '已经', '已', '正', '并', '及时',
  '认真', '进一步', '妥善', '继续', '持续', '大力', '通过', '按照', '组织', '申报', '上报', '编制', '完善',
  '发挥', '好', '做强', '做优', '帮助', '推介', '洽谈', '招引', '对接', '参与', '承建', '负责',
  '来到', '前往', '走进', '深入', '察看', '调研', '考察', '视察', '观摩', '参观', '督导', '检查', '看望', '出席',
  '参加', '召开', '举行', '举办', '部署', '研究', '施工', '落户', '签下', '加紧', '抢抓', '力推', '先后', '分别',
  '有序推进', '稳步推进', '扎实推进', '积极推进', '大力推进', '重点推进', '组织实施', '谋划实施', '启动实施',
  '开工建设', '建成投用', '包括', '涉及', '涵盖', '如', '像', '例如', '用于', '用来', '投向', '支持',
  '共有', '共列', '共计', '关注', '检讨', '希望', '展开', '设置', '用作', '要求', '表示', '预留', '占', '冀',
];

/** Verbs before a name that make it a goal rather than a project (打造…基地, 争创…示范区). */
export const GOAL_FRAMES: readonly string[] = ['打造', '争创', '创建', '建成为', '培育', '形成'];

/** Jieba tags that end a name's left context. */
export const STOP_TAGS: readonly string[] = ['p', 'c', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'r', 'd', 'q', 't'];

/** Tags that show a proper name (a place, person, organisation, brand, or a word jieba does not know). */
export const PROPER_TAGS: readonly string[] = ['ns', 's', 'nr', 'nrt', 'nrfg', 'nz', 'nt', 'x', 'eng', 'j', 'zg', 'ng', 'g', 'vg'];

/** Words that make a name anonymous or a quantity (某半导体项目, 一批重点项目). */
export const ANONYMOUS_MARKERS: readonly string[] = [
  '某', '若干', '一批', '各类', '各项', '这些', '这个', '该', '此类', '其他', '其它', '相关', '有关', '部分', '多个', '每',
];

/** Place suffixes: a token ending with one of these, standing before an amount or a name, is a location. */
export const PLACE_SUFFIXES: readonly string[] = [
  '自治县', '自治州', '自治区', '新区', '高新区', '开发区', '经济区', '省', '市', '县', '区', '州', '旗', '盟', '镇', '乡',
];

/** Status words read from the clause that holds a name or a list of names (SPEC 3, project status). */
export const STATUS_WORDS: Readonly<Record<string, 'new' | 'continuing' | 'completed' | 'reserve' | 'signed' | 'started'>> = {
  新开工: 'new', 新建: 'new', 新上: 'new',
  续建: 'continuing', 在建: 'continuing',
  竣工: 'completed', 建成: 'completed', 完工: 'completed', 投入运营: 'completed', 投产: 'completed', 启用: 'completed',
  通车: 'completed', 投用: 'completed', 投运: 'completed', 并网: 'completed', 通水: 'completed', 量产: 'completed', 通航: 'completed', 建成投产: 'completed', 竣工投产: 'completed', 开业: 'completed',
  储备: 'reserve', 谋划: 'reserve',
  签约: 'signed', 签订: 'signed', 签署: 'signed',
  开工: 'started', 开工建设: 'started', 开复工: 'started', 复工: 'started', 动工: 'started', 开建: 'started',
  集中开工: 'started',
};

/** Words that make a clause's status a plan, not a fact (确保年内动工, 实现签约指日可待). */
export const MODAL_WORDS: readonly string[] = [
  '确保', '争取', '力争', '计划', '拟', '将', '有望', '尽快', '待', '如期', '即将', '准备', '指日可待', '预计', '推动',
  '加快', '早日', '力促', '促进', '未', '尚未', '没有',
];

/** Words right before an amount that tie it to the project it follows (完成投资41162万元, 获专项支持12亿元). */
export const INVESTMENT_TIES: readonly string[] = ['投资', '总投资', '完成投资', '支持', '资金', '投资额', '总额', '预算', '概算', '造价'];

/** Words that make an investment amount one a project brings in, not its own (带动上下游产业投资10-20亿元). */
export const INDUCED_WORDS: readonly string[] = ['带动', '拉动', '撬动', '吸引', '引导', '带来'];

/** Words after a name that show a specific project even when its words are generic (城市生活垃圾处理工程可研). */
export const STAGE_WORDS: readonly string[] = [
  '可研', '可行性研究', '初设', '初步设计', '环评', '核准', '立项', '施工图', '开工', '动工', '竣工', '完工', '建成',
  '投入使用', '投用', '投产', '完成投资', '完成主体', '主体完工', '主体封顶', '封顶', '进展顺利', '通过验收',
  '竣工验收', '开业', '试运行', '并网发电', '通车',
];

/** Adverbs that may stand between a name and its stage word (已完成主体工程, 正抓紧开工). */
export const STAGE_ADVERBS = /^(?:已经|已|正在|正|均|全面|顺利|基本|目前|于[0-9]+月)*/;

/** A count or quantity inside a list item: 295个续建, 12家 (the count extractor's, not a name). */
export const COUNT_RE = /[0-9一二三四五六七八九十百千两几]+(?:个|项|家|条|批|座|所)/;

/** Numbered programmes: 十大工程, “三个一百”, “双百”, 一库四清单, 两新一重. */
export const PROGRAMME_NUMERALS = /[一二三四五六七八九十双两0-9]+(?:大|个|项|清单|库|张|条|新一重)|^[双两一二三四五六七八九十百千万]+$|^[一二三四五六七八九十0-9]+号$/;

/** Times are never part of a name: 2020年一季度建设项目. */
export const TIME_RE = /(?:19|20)[0-9]{2}年|[一二三四1-4]季度|[上下]半年|[0-9]{1,2}月份?|年度/;

/** Verbs between an amount and the name it opens (投资12亿元建设宁德时代电池生产线), besides 的. */
export const LEAD_VERBS: readonly string[] = ['用于', '建设', '实施', '新建', '兴建', '启动', '推进', '打造', '续建', '改造'];

/** Words that open a name with its investment: 总投资50亿元的|华晟高端轴承基地项目 (SPEC 3: its total investment). */
export const INVESTMENT_OPENERS: readonly string[] = ['总投资', '计划总投资', '投资', '投资额'];

/** Words after 工程/项目 at the end of a name opened by its investment that speak of the work, not the name
 * (总投资104亿元的|怀洪新河灌区工程|建设). */
export const WORK_AFTER_NAME: readonly string[] = ['建设', '建设工作', '工作', '进度'];

/** Words that open a clause listing the parts of a project, not projects (主要建设200万吨/年氧化钙生产线、…). */
export const COMPONENT_OPENERS: readonly string[] = ['主要建设', '建设内容', '主要内容', '主要包括', '项目新建', '项目建设', '配套建设', '同步配套建设', '同步建设'];

/** A street address: a number on a road or lane (西城区砖塔胡同56号西配楼), page furniture, not a project. */
export const ADDRESS_RE = /(?:路|街|胡同|巷|道|里|弄|村)[0-9]+号(?!线)/;

/** Verbs after a name that make it the venue of an event (在重庆雾都宾馆举行). */
export const VENUE_VERBS: readonly string[] = ['举行', '召开', '举办', '开幕', '闭幕'];

/** A count right before a name makes it a kind counted, not a named one (完成1所|乡镇卫生院主体工程建设). */
export const COUNT_BEFORE_RE = /[0-9一二三四五六七八九十两几]+(?:所|座|个|条|处|家|栋|幢|批)$/;

/** In Taiwan, Hong Kong and Macau usage 計畫/計劃 after a works action names one project, as 工程 does
 * (恆春藝文展演中心興建計畫, 屯門醫院擴建計劃第一期); in simplified text it is a plan (see PROGRAMME_ENDINGS). The
 * converter keeps Taiwan's 計畫 as 计画, which a name writes 计划. */
export const TRADITIONAL_WORKS_NOUNS: readonly string[] = ['计划', '计画'];

/** A capacity that opens a name (年产100万千瓦发电设备制造项目): the project of one plant, even before a bare 项目
 * after a verb. */
export const CAPACITY_RE = /^(?:年产|年处理|年加工|日产|日处理|年吞吐)(?:能力)?[0-9.]+/;

/** Longest names accepted, in characters. */
export const MAX_NAME_CHARS = 24;

/** Endings of a company's name: a name does not reach back over them (…有限责任公司|龙羊峡光伏电站). */
export const COMPANY_ENDINGS: readonly string[] = ['公司', '有限公司', '股份公司'];

/** Endings of a government body: the body that runs a project is not part of its name (环境保护局|人工岛污水厂处理设施). */
export const BODY_ENDINGS: readonly string[] = ['局', '厅', '委员会', '管委会', '政府', '当局'];
/** Words that end with a body's ending and are none (产业布局). */
export const NOT_BODIES: readonly string[] = ['布局', '格局', '结局', '大局', '全局', '开局', '变局', '新格局', '邮局'];

/** Classifiers that end a name's left context when jieba tags them q (16个|建设项目). */
export const CLASSIFIER_CHARS = '个项批家条座所只台套次年月日';

/** Single characters that carry no name: function words and bare place suffixes (县文体中心 has no proper name). */
export const EMPTY_CHARS = '的和及与或等县市区省州新大老小各全该本级型类';

/** Characters that stand alone in a text, never as a piece of an unknown name that jieba cut into characters. */
export const FUNCTION_CHARS = '的地得和及与或在对为将把被从向以于至到等了是有也都并且之其该此这那各每由给让使按经因而但就还又再已正要会可能不没未很更最所个项批家条座';

/** A verb's complement that jieba may glue to the name after it (解决|好脚落沼煤矿). */
export const RESULTATIVE_CHARS = '好完到给';

/** Conjunctions between the last two items of a list (本桓高速和徐大堡核电站). The one-character ones also split
 * an unknown word that holds them (沟及|排洪沟道路工程). */
export const CONJUNCTIONS: readonly string[] = ['和', '及', '与', '以及'];

/** Words that join the two ends of a line inside a name (武汉至宜昌高铁, 巡检至西三连乡公路). */
export const LINE_JOINERS: readonly string[] = ['至', '到'];
