// Fixed sample data for the mock server: a few dozen events written for the
// dashboard's tests (ARM-AZE around Ganja, Stepanakert, Shusha and Jermuk, and
// a few other dyads). Sentences are written for this file; spans are computed
// from them in UTF-8 bytes, as dyad's are.

export const PLACES = {
  Ganja: { name: "Ganja", lat: 40.68278, lon: 46.36056, country: "AZE", feature: "city", geonames_id: 587084 },
  Stepanakert: { name: "Stepanakert", lat: 39.8177, lon: 46.7528, country: "AZE", feature: "city", geonames_id: null },
  Shusha: { name: "Shusha", lat: 39.7586, lon: 46.7483, country: "AZE", feature: "city", geonames_id: null },
  Jermuk: { name: "Jermuk", lat: 39.8414, lon: 45.6697, country: "ARM", feature: "city", geonames_id: null },
  Tartar: { name: "Tartar", lat: 40.34201, lon: 46.93161, country: "AZE", feature: "city", geonames_id: 584871 },
  "Lachin Corridor": { name: "Lachin Corridor", lat: 39.63, lon: 46.56, country: "AZE", feature: "corridor", geonames_id: null },
  Moscow: { name: "Moscow", lat: 55.75222, lon: 37.61556, country: "RUS", feature: "capital", geonames_id: null },
  Geneva: { name: "Geneva", lat: 46.20222, lon: 6.14569, country: "CHE", feature: "city", geonames_id: null },
  Kharkiv: { name: "Kharkiv", lat: 49.98081, lon: 36.25272, country: "UKR", feature: "city", geonames_id: null },
  Kyiv: { name: "Kyiv", lat: 50.45466, lon: 30.5238, country: "UKR", feature: "capital", geonames_id: null },
  Mariupol: { name: "Mariupol", lat: 47.09514, lon: 37.54131, country: "UKR", feature: "city", geonames_id: null },
  Istanbul: { name: "Istanbul", lat: 41.01384, lon: 28.94966, country: "TUR", feature: "city", geonames_id: null },
  Yerevan: { name: "Yerevan", lat: 40.18111, lon: 44.51361, country: "ARM", feature: "capital", geonames_id: null },
};

/** CAMEO codes used here: name, QuadClass, Goldstein, PLOVER. */
export const CAMEO = {
  "040": { name: "Consult, not specified below", quad: 1, goldstein: 1.0, plover: { event: "CONSULT", mode: null, context: null } },
  "036": { name: "Express intent to meet or negotiate", quad: 1, goldstein: 4.0, plover: { event: "AGREE", mode: "consult", context: null } },
  "057": { name: "Sign formal agreement", quad: 1, goldstein: 8.0, plover: { event: "AGREE", mode: null, context: null } },
  "073": { name: "Provide humanitarian aid", quad: 2, goldstein: 7.4, plover: { event: "AID", mode: "humanitarian", context: null } },
  "0871": { name: "Declare truce, ceasefire", quad: 2, goldstein: 9.0, plover: { event: "RETREAT", mode: "ceasefire", context: "military" } },
  "111": { name: "Criticize or denounce", quad: 3, goldstein: -2.0, plover: { event: "ACCUSE", mode: "disapprove", context: null } },
  "112": { name: "Accuse, not specified below", quad: 3, goldstein: -2.0, plover: { event: "ACCUSE", mode: null, context: null } },
  "138": { name: "Threaten to use military force", quad: 3, goldstein: -7.0, plover: { event: "THREATEN", mode: null, context: "military" } },
  "190": { name: "Use conventional military force, not specified below", quad: 4, goldstein: -10.0, plover: { event: "ASSAULT", mode: null, context: "military" } },
  "191": { name: "Impose blockade, restrict movement", quad: 4, goldstein: -9.5, plover: { event: "COERCE", mode: "restrict", context: "military" } },
  "193": { name: "Fight with small arms and light weapons", quad: 4, goldstein: -10.0, plover: { event: "ASSAULT", mode: "firearms", context: "military" } },
  "194": { name: "Fight with artillery and tanks", quad: 4, goldstein: -10.0, plover: { event: "ASSAULT", mode: "heavy-weapons", context: "military" } },
  "195": { name: "Employ aerial weapons", quad: 4, goldstein: -10.0, plover: { event: "ASSAULT", mode: "aerial", context: "military" } },
};

function actor(code) {
  if (!code) return null;
  return { code, country: code.slice(0, 3), sector: code.length > 3 ? code.slice(3) : null };
}

/** [begin, end) in UTF-8 bytes of the n-th occurrence (0-based) of `text` in `sentence`. */
export function byteSpan(sentence, text, occurrence = 0) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = sentence.indexOf(text, index + 1);
    if (index < 0) throw new Error(`mock data: "${text}" is not in "${sentence}"`);
  }
  const begin = Buffer.byteLength(sentence.slice(0, index), "utf8");
  return [begin, begin + Buffer.byteLength(text, "utf8")];
}

function textSpan(sentence, spec) {
  if (spec == null) return null;
  const [text, occurrence] = Array.isArray(spec) ? spec : [spec, 0];
  return { text, span: byteSpan(sentence, text, occurrence) };
}

const PUBLISHERS = ["Global Desk", "Caucasus Wire", "Regional Monitor", "Eastern Dispatch"];

// Each event: [date, source, target, cameo, place, hypothetical, mentions]
// Each mention: [doc_id, publisher index, title, report date, sentence, trigger, source, target, date text, place text]
const RAW = [
  ["2020-01-30", "ARMGOV", "AZEGOV", "040", "Geneva", false, [
    ["gd-2020-01-30-a", 0, "Foreign ministers meet in Geneva", "2020-01-30",
      "Armenia's foreign minister met his Azerbaijani counterpart in Geneva on Thursday.",
      "met", "Armenia's foreign minister", "his Azerbaijani counterpart", "on Thursday", "Geneva"],
  ]],
  ["2020-09-27", "AZEMIL", "ARMMIL", "190", "Stepanakert", false, [
    ["gd-2020-09-27-a", 0, "Fighting erupts around Nagorno-Karabakh", "2020-09-27",
      "Azerbaijani forces launched an offensive against Armenian positions near Stepanakert on Sunday.",
      "launched an offensive", "Azerbaijani forces", "Armenian positions", "on Sunday", "Stepanakert"],
    ["cw-2020-09-27-b", 1, "Karabakh officials report attack", "2020-09-27",
      "Officials in Stepanakert said Azerbaijani troops attacked Armenian units near Stepanakert early on Sunday.",
      "attacked", "Azerbaijani troops", "Armenian units", "on Sunday", ["Stepanakert", 1]],
    ["rm-2020-09-28-a", 2, "A day of heavy fighting", "2020-09-28",
      "Azerbaijan's army attacked Armenian forces near Stepanakert on Sunday, both sides said.",
      "attacked", "Azerbaijan's army", "Armenian forces", "on Sunday", "Stepanakert"],
  ]],
  ["2020-09-27", "ARMMIL", "AZEMIL", "194", "Tartar", false, [
    ["gd-2020-09-27-a", 0, "Fighting erupts around Nagorno-Karabakh", "2020-09-27",
      "Armenian troops shelled Azerbaijani positions near Tartar, according to officials in Baku.",
      "shelled", "Armenian troops", "Azerbaijani positions", null, "Tartar"],
    ["cw-2020-09-28-a", 1, "Shelling reported near Tartar", "2020-09-28",
      "Azerbaijan said Armenian artillery shelled villages near Tartar on Sunday.",
      "shelled", "Armenian artillery", "villages", "on Sunday", "Tartar"],
  ]],
  ["2020-09-28", "AZEGOV", "ARMGOV", "112", null, false, [
    ["rm-2020-09-28-a", 2, "A day of heavy fighting", "2020-09-28",
      "Baku accused Yerevan of deliberately targeting civilians on Monday.",
      "accused", "Baku", "Yerevan", "on Monday", null],
  ]],
  ["2020-10-04", "ARMMIL", "AZECVL", "194", "Ganja", false, [
    // Non-ASCII text before the spans: byte offsets and JavaScript indexes differ.
    ["cw-2020-10-04-a", 1, "Gəncə under fire", "2020-10-04",
      "In Gəncə, known in English as Ganja, officials said Armenian forces shelled residential areas on Sunday.",
      "shelled", "Armenian forces", "residential areas", "on Sunday", "Ganja"],
    ["gd-2020-10-04-b", 0, "Azerbaijan's second city shelled", "2020-10-05",
      "Armenian artillery hit Ganja, Azerbaijan's second-largest city, on Sunday, the Azerbaijani defence ministry said.",
      "hit", "Armenian artillery", "Azerbaijan's second-largest city", "on Sunday", "Ganja"],
  ]],
  ["2020-10-08", "AZEMIL", "ARMCVL", "195", "Shusha", false, [
    ["ed-2020-10-08-a", 3, "Cathedral damaged in Shusha", "2020-10-08",
      "Azerbaijani drones struck the Ghazanchetsots cathedral in Shusha on Thursday, Armenian officials said.",
      "struck", "Azerbaijani drones", "the Ghazanchetsots cathedral", "on Thursday", "Shusha"],
  ]],
  ["2020-10-10", "ARMGOV", "AZEGOV", "0871", "Moscow", false, [
    ["gd-2020-10-10-a", 0, "Humanitarian ceasefire agreed in Moscow", "2020-10-10",
      "Armenia and Azerbaijan agreed to a humanitarian ceasefire in Moscow on Saturday after ten hours of talks.",
      "agreed to a humanitarian ceasefire", "Armenia", "Azerbaijan", "on Saturday", "Moscow"],
  ]],
  ["2020-10-10", "AZEGOV", "ARMGOV", "0871", "Moscow", false, [
    ["gd-2020-10-10-a", 0, "Humanitarian ceasefire agreed in Moscow", "2020-10-10",
      "Armenia and Azerbaijan agreed to a humanitarian ceasefire in Moscow on Saturday after ten hours of talks.",
      "agreed to a humanitarian ceasefire", "Azerbaijan", "Armenia", "on Saturday", "Moscow"],
  ]],
  ["2020-10-11", "ARMMIL", "AZECVL", "194", "Ganja", false, [
    ["cw-2020-10-11-a", 1, "Ganja hit again", "2020-10-11",
      "Armenian forces shelled an apartment block in Ganja early on Sunday, Azerbaijani officials said.",
      "shelled", "Armenian forces", "an apartment block", "on Sunday", "Ganja"],
    ["rm-2020-10-11-b", 2, "Truce frays within hours", "2020-10-11",
      "Hours into the truce, Armenian missiles hit homes in Ganja on Sunday, Baku said.",
      "hit", "Armenian missiles", "homes", "on Sunday", "Ganja"],
    ["gd-2020-10-12-a", 0, "Ceasefire under strain", "2020-10-12",
      "Azerbaijan said Armenian forces shelled Ganja on Sunday, killing at least nine people.",
      "shelled", "Armenian forces", null, "on Sunday", "Ganja"],
  ]],
  ["2020-10-12", "AZEGOV", "ARMGOV", "111", null, false, [
    ["gd-2020-10-12-a", 0, "Ceasefire under strain", "2020-10-12",
      "Azerbaijan's foreign ministry condemned the Armenian strikes as a violation of the truce on Monday.",
      "condemned", "Azerbaijan's foreign ministry", "the Armenian strikes", "on Monday", null],
  ]],
  ["2020-10-26", "AZEGOV", "ARMGOV", "036", null, true, [
    ["ed-2020-10-26-a", 3, "Talks planned", "2020-10-26",
      "Azerbaijani officials said they would meet Armenian negotiators again within days.",
      "would meet", "Azerbaijani officials", "Armenian negotiators", null, null],
  ]],
  ["2020-11-08", "AZEMIL", "ARMMIL", "193", "Shusha", false, [
    ["rm-2020-11-08-a", 2, "Battle for Shusha", "2020-11-08",
      "Azerbaijani special forces fought Armenian troops in the streets of Shusha on Sunday.",
      "fought", "Azerbaijani special forces", "Armenian troops", "on Sunday", "Shusha"],
  ]],
  ["2020-11-10", "ARMGOV", "AZEGOV", "057", "Moscow", false, [
    ["gd-2020-11-10-a", 0, "War ends with Moscow agreement", "2020-11-10",
      "Armenia signed a Russian-brokered agreement with Azerbaijan in Moscow to end the war on Tuesday.",
      "signed", "Armenia", "Azerbaijan", "on Tuesday", "Moscow"],
  ]],
  ["2022-09-13", "AZEMIL", "ARMCVL", "194", "Jermuk", false, [
    ["cw-2022-09-13-a", 1, "Border clashes reach Jermuk", "2022-09-13",
      "Azerbaijani forces shelled the spa town of Jermuk overnight, the Armenian defence ministry said.",
      "shelled", "Azerbaijani forces", "the spa town of Jermuk", null, "Jermuk"],
    ["ed-2022-09-13-b", 3, "Shelling near Jermuk", "2022-09-13",
      "Residents of Jermuk said Azerbaijani artillery hit the outskirts of Jermuk on Tuesday.",
      "hit", "Azerbaijani artillery", "the outskirts of Jermuk", "on Tuesday", ["Jermuk", 1]],
  ]],
  ["2022-09-13", "ARMMIL", "AZEMIL", "190", "Jermuk", false, [
    ["cw-2022-09-13-a", 1, "Border clashes reach Jermuk", "2022-09-13",
      "Armenian troops returned fire on Azerbaijani units near Jermuk on Tuesday, Yerevan said.",
      "returned fire", "Armenian troops", "Azerbaijani units", "on Tuesday", "Jermuk"],
  ]],
  ["2022-09-14", "AZEGOV", "ARMGOV", "0871", null, false, [
    ["gd-2022-09-14-a", 0, "Ceasefire after two days of clashes", "2022-09-14",
      "Azerbaijan agreed to a ceasefire with Armenia on Wednesday evening, Armenian officials said.",
      "agreed to a ceasefire", "Azerbaijan", "Armenia", "on Wednesday", null],
  ]],
  ["2023-01-15", "AZECVL", "ARMGOV", "191", "Lachin Corridor", false, [
    ["rm-2023-01-15-a", 2, "Blockade enters second month", "2023-01-15",
      "Azerbaijani activists continued blocking the Lachin Corridor, the only road between Armenia and Karabakh, on Sunday.",
      "blocking", "Azerbaijani activists", "Armenia", "on Sunday", "Lachin Corridor"],
  ]],
  ["2023-09-19", "AZEMIL", "ARMMIL", "190", "Stepanakert", false, [
    ["gd-2023-09-19-a", 0, "Azerbaijan launches operation in Karabakh", "2023-09-19",
      "Azerbaijan's army attacked Armenian positions around Stepanakert on Tuesday.",
      "attacked", "Azerbaijan's army", "Armenian positions", "on Tuesday", "Stepanakert"],
    ["cw-2023-09-19-b", 1, "Sirens in Stepanakert", "2023-09-19",
      "Explosions were heard in Stepanakert as Azerbaijani forces attacked Armenian units on Tuesday.",
      "attacked", "Azerbaijani forces", "Armenian units", "on Tuesday", "Stepanakert"],
  ]],

  // Other dyads.
  ["2022-02-24", "RUSMIL", "UKRMIL", "190", "Kharkiv", false, [
    ["ed-2022-02-24-a", 3, "Invasion begins", "2022-02-24",
      "Russian forces attacked Ukrainian positions near Kharkiv on Thursday.",
      "attacked", "Russian forces", "Ukrainian positions", "on Thursday", "Kharkiv"],
  ]],
  ["2022-02-25", "RUSMIL", "UKRCVL", "195", "Kyiv", false, [
    ["ed-2022-02-25-a", 3, "Missiles hit the capital", "2022-02-25",
      "Russian missiles struck residential districts of Kyiv on Friday, Ukrainian officials said.",
      "struck", "Russian missiles", "residential districts", "on Friday", "Kyiv"],
  ]],
  ["2022-03-09", "RUSMIL", "UKRCVL", "195", "Mariupol", false, [
    ["gd-2022-03-09-a", 0, "Hospital hit in Mariupol", "2022-03-09",
      "A Russian air strike hit a maternity hospital in Mariupol on Wednesday.",
      "hit", "A Russian air strike", "a maternity hospital", "on Wednesday", "Mariupol"],
  ]],
  ["2022-03-29", "RUSGOV", "UKRGOV", "040", "Istanbul", false, [
    ["gd-2022-03-29-a", 0, "Talks in Istanbul", "2022-03-29",
      "Russian negotiators met a Ukrainian delegation in Istanbul on Tuesday.",
      "met", "Russian negotiators", "a Ukrainian delegation", "on Tuesday", "Istanbul"],
  ]],
  ["2022-07-22", "UKRGOV", "RUSGOV", "057", "Istanbul", false, [
    ["rm-2022-07-22-a", 2, "Grain deal signed", "2022-07-22",
      "Ukraine signed a deal with Russia in Istanbul on Friday to resume grain exports.",
      "signed", "Ukraine", "Russia", "on Friday", "Istanbul"],
  ]],
  ["2022-01-14", "ARMGOV", "TURGOV", "040", "Moscow", false, [
    ["cw-2022-01-14-a", 1, "Armenia and Turkey hold talks", "2022-01-14",
      "Armenia's envoy met his Turkish counterpart in Moscow on Friday.",
      "met", "Armenia's envoy", "his Turkish counterpart", "on Friday", "Moscow"],
  ]],
  ["2023-02-08", "ARMGOV", "TURGOV", "073", null, false, [
    ["ed-2023-02-08-a", 3, "Rescuers cross the border", "2023-02-08",
      "Armenia sent rescuers and aid to Turkey on Wednesday after the earthquake.",
      "sent rescuers and aid", "Armenia", "Turkey", "on Wednesday", null],
  ]],
  ["2023-09-01", "ARMGOV", "RUSGOV", "111", "Yerevan", false, [
    ["gd-2023-09-01-a", 0, "Pashinyan criticises Moscow", "2023-09-01",
      "In Yerevan, Pashinyan criticized Russia on Friday for failing to protect Armenia.",
      "criticized", "Pashinyan", "Russia", "on Friday", "Yerevan"],
  ]],
];

function buildEvents() {
  const sorted = RAW.map((r, i) => ({ r, i })).sort((a, b) => a.r[0].localeCompare(b.r[0]) || a.i - b.i);
  return sorted.map(({ r }, index) => {
    const [date, source, target, cameo, place, hypothetical, rawMentions] = r;
    const info = CAMEO[cameo];
    if (!info) throw new Error(`mock data: unknown CAMEO ${cameo}`);
    const mentions = rawMentions.map(([docId, pub, title, reportDate, sentence, trig, src, tgt, dateText, placeText]) => ({
      report: { doc_id: docId, date: reportDate, publisher: PUBLISHERS[pub], title, url: `https://example.org/dyad-mock/${docId}` },
      sentence,
      trigger: textSpan(sentence, trig),
      source: textSpan(sentence, src),
      target: textSpan(sentence, tgt),
      date: textSpan(sentence, dateText),
      place: textSpan(sentence, placeText),
    }));
    const first = mentions[0];
    return {
      id: index + 1,
      date,
      date_precision: "day",
      source: actor(source),
      target: actor(target),
      cameo,
      cameo_name: info.name,
      root: cameo.slice(0, 2),
      quad_class: info.quad,
      goldstein: info.goldstein,
      plover: info.plover,
      place: place ? { ...PLACES[place] } : null,
      hypothetical,
      num_mentions: mentions.length,
      num_reports: new Set(mentions.map((m) => m.report.doc_id)).size,
      num_sources: new Set(mentions.map((m) => m.report.publisher)).size,
      sentence: first.sentence,
      doc_id: first.report.doc_id,
      title: first.report.title,
      url: first.report.url,
      mentions,
    };
  });
}

export const EVENTS = buildEvents();
