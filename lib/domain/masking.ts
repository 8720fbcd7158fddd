/**
 * Display masking, applied on the server before a value reaches any page or API response.
 *
 * Defensive rule for every mask: a value shorter than its expected length is starred in full (same
 * length), because keeping the usual head and tail of a short value could reveal most or all of it.
 * Longer values keep the usual head and tail with stars between. Null, undefined and blank give "".
 */

type Maybe = string | null | undefined;

function maskBetween(input: Maybe, expectedLength: number, head: number, tail: number): string {
  const chars = Array.from((input ?? "").trim());
  if (chars.length === 0) return "";
  if (chars.length < expectedLength) return "*".repeat(chars.length);
  return (
    chars.slice(0, head).join("") +
    "*".repeat(chars.length - head - tail) +
    chars.slice(chars.length - tail).join("")
  );
}

/** "500103199001011234" → "500103********1234" (first 6, last 4). */
export function maskIdNumber(idNumber: Maybe): string {
  return maskBetween(idNumber, 18, 6, 4);
}

/** "13812341234" → "138****1234" (first 3, last 4). */
export function maskPhone(phone: Maybe): string {
  return maskBetween(phone, 11, 3, 4);
}

/** "91500000MA5U00000W" → "91************000W" (first 2, last 4). */
export function maskCreditCode(creditCode: Maybe): string {
  return maskBetween(creditCode, 18, 2, 4);
}

/** "A10000001" → "A1****001" (first 2, last 3). */
export function maskCardNumber(cardNumber: Maybe): string {
  return maskBetween(cardNumber, 9, 2, 3);
}

/** An 18-character ID number or an 11-digit mobile number standing on its own inside longer text. */
const ID_NUMBER_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * Masks every full ID number and mobile number inside free text: what a user typed and a row stored as
 * typed (an audit row's details, a reason), e.g. "value=500103199001011234" → "value=500103********1234".
 * The ID check character is not verified: a mistyped number is still someone's number, nearly.
 */
export function maskNumbersInText(text: Maybe): string {
  return (text ?? "")
    .replace(ID_NUMBER_IN_TEXT, (id) => maskIdNumber(id))
    .replace(MOBILE_IN_TEXT, (phone) => maskPhone(phone));
}

/** Common compound surnames (复姓), mostly from 百家姓. */
const COMPOUND_SURNAMES = new Set(
  `欧阳 太史 端木 上官 司马 东方 独孤 南宫 万俟 闻人 夏侯 诸葛 尉迟 公羊 赫连
  澹台 皇甫 宗政 濮阳 公冶 太叔 申屠 公孙 慕容 仲孙 钟离 长孙 宇文 司徒 鲜于
  司空 闾丘 子车 亓官 司寇 巫马 公西 颛孙 壤驷 公良 漆雕 乐正 宰父 谷梁 拓跋
  夹谷 轩辕 令狐 段干 百里 呼延 东郭 南门 羊舌 微生 梁丘 左丘 东门 西门 第五`.split(/\s+/),
);

/**
 * Keeps the surname and stars the rest: "张三" → "张*", "欧阳娜娜" → "欧阳**".
 * A compound surname is only recognised in a name of 3 or more characters, so a 2-character name never
 * comes back whole ("司马" → "司*"; it may well be surname 司 and given name 马).
 * A 1-character value is returned as is: it can only be the surname, which every masked name shows.
 */
export function maskName(name: Maybe): string {
  const chars = Array.from((name ?? "").trim());
  if (chars.length <= 1) return chars.join("");
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(`${chars[0]}${chars[1]}`) ? 2 : 1;
  return chars.slice(0, surnameLength).join("") + "*".repeat(chars.length - surnameLength);
}
