import { type Rng, weighted } from "./prng";

/**
 * Surnames with rough relative frequencies (national ranking, nudged for Chongqing: 谭, 冉, 向, 牟 are
 * more common there). Compound surnames are rare but present so masking of 欧阳** etc. gets exercised.
 */
const SURNAMES = weighted<string>(
  (
    "王70 李70 张62 刘54 陈58 杨34 黄25 赵20 吴20 周20 徐13 孙12 马11 朱11 胡13 郭11 何14 高10 林9 罗14 " +
    "郑8 梁8 谢9 宋6 唐10 许5 韩5 冯5 邓10 曹5 彭7 曾7 肖7 田6 董5 袁6 潘4 蒋6 蔡4 余7 杜5 叶4 程4 苏3 " +
    "魏3 吕3 丁3 任5 沈3 姚3 卢3 谭7 廖5 冉4 向5 秦3 熊4 龙3 雷3 贺3 文3 付4 汪3 范3 石3 陶2 邹3 牟2 " +
    "龚2 黎2 蒲1 况1 欧阳2.5 司马1.2 诸葛1.2"
  )
    .split(" ")
    .map((entry) => {
      const [, surname = "", weight = "0"] = /^(\D+)([\d.]+)$/.exec(entry) ?? [];
      return [surname, Number(weight)] as const;
    }),
);

const words = (text: string) => text.split(" ");

const MALE_CHARS = Array.from(
  "伟杰浩宇涛磊鹏超强军勇斌俊峰明亮林波辉刚健毅翔凯豪睿泽航博晨阳鑫宏志文东海平川江渝庆建华成龙飞帆逸然",
);
const FEMALE_CHARS = Array.from(
  "芳娜敏静丽艳娟霞燕玲婷雪琳颖倩洁欣怡梦雨佳晶萍红梅兰莉琴慧瑶蕾璐诗涵悦思婧媛秋月丹妍",
);
const CHILD_MALE_CHARS = Array.from("子睿梓轩浩宇泽俊辰一铭皓博文奕航宸煜朗");
const CHILD_FEMALE_CHARS = Array.from("子梓涵欣悦可诗语思雨若萱婉琪雅彤妍汐沐");
const OLD_MALE_GIVEN = words(
  "建国 国华 德明 志强 永福 德华 明德 光荣 世明 长江 庆丰 文华 家富 新民 卫东 树林 茂林 德贵 忠 富 福 华 明 祥 全 荣",
);
const OLD_FEMALE_GIVEN = words(
  "秀英 桂英 玉兰 淑珍 素芬 秀兰 桂兰 玉珍 凤英 秀珍 翠华 春兰 素华 淑华 玉梅 兰英 群 芬 珍 英 蓉 碧 琼 秀琼",
);

function twoChars(rng: Rng, pool: readonly string[]): string {
  const first = rng.pick(pool);
  let second = rng.pick(pool);
  if (second === first) second = rng.pick(pool);
  return first + second;
}

/** A realistic Chinese name of 2 or 3 characters for someone of this gender and birth year. */
export function chineseName(rng: Rng, gender: "M" | "F", birthYear: number): string {
  const surname = rng.pickWeighted(SURNAMES);
  const compound = surname.length === 2;
  if (birthYear < 1966 && rng.chance(0.6)) {
    const given = rng.pick(gender === "M" ? OLD_MALE_GIVEN : OLD_FEMALE_GIVEN);
    return surname + (compound ? given.charAt(0) : given);
  }
  const pool =
    birthYear >= 2005
      ? gender === "M"
        ? CHILD_MALE_CHARS
        : CHILD_FEMALE_CHARS
      : gender === "M"
        ? MALE_CHARS
        : FEMALE_CHARS;
  if (compound || rng.chance(birthYear < 1990 ? 0.3 : 0.12)) return surname + rng.pick(pool);
  return surname + twoChars(rng, pool);
}

const TRADE_WORDS = words(
  "两江 渝鑫 巴渝 山城 嘉陵 长嘉 渝新 金渝 渝兴 朝天 南山 歌乐 缙云 龙湖 渝通 鸿渝 华渝 宏图 恒信 聚力 " +
    "博睿 智联 天启 瑞丰 鼎盛 汇通 永佳 德润 诚达 远航 卓越 新锐 蓝海 盛世 江来 渝州",
);
const TRADE_FIRST = Array.from("渝巴嘉鑫恒瑞宏盛华鼎汇德诚远卓新蓝金银泰安康博睿智信达源丰");
const TRADE_SECOND = Array.from("兴达通源泰丰盛诚信和瑞宏业恒旺隆昌佳润晟汇坤翔腾远凯");
const INDUSTRIES = words(
  "智造科技 科技 智能科技 电子科技 信息技术 网络科技 软件 建筑工程 建设工程 建材 机械制造 汽车零部件 " +
    "摩托车配件 物流 供应链管理 商贸 贸易 餐饮管理 火锅餐饮管理 食品 农业开发 生物科技 医药 医疗器械 " +
    "环保科技 新能源 电力工程 物业管理 房地产开发 文化传媒 广告 教育咨询 人力资源管理 劳务 家政服务 " +
    "酒店管理 旅游开发 印务 化工 纺织 装饰工程 精密制造",
);
const FORMS = weighted<string>([
  ["有限公司", 70],
  ["有限责任公司", 15],
  ["股份有限公司", 10],
  ["集团有限公司", 5],
]);

/** A realistic (made-up) Chongqing company name, e.g. 重庆渝鑫电子科技有限公司. */
export function companyName(rng: Rng): string {
  const trade = rng.chance(0.5) ? rng.pick(TRADE_WORDS) : rng.pick(TRADE_FIRST) + rng.pick(TRADE_SECOND);
  const industry = rng.pick(INDUSTRIES);
  const form = rng.pickWeighted(FORMS);
  const style = rng.next();
  if (style < 0.7) return `重庆${trade}${industry}${form}`;
  if (style < 0.9) return `重庆市${trade}${industry}${form}`;
  return `${trade}（重庆）${industry}${form}`;
}
