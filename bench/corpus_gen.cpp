// corpus_gen.cpp - deterministic generator of a news-like benchmark corpus
// for the dyad event coder, written as JSON Lines.
//
// Usage:
//   corpus_gen --mb 50 [--seed 1] [--sentences-per-report 20] > corpus.jsonl
//
// Each output line is one report:
//   {"id":"bench-000001","date":"2022-05-17","source":"dyad-bench",
//    "title":"...","text":"..."}
// Reports are written until at least --mb megabytes (10^6 bytes) have been
// produced. The same seed and arguments always give byte-identical output,
// whatever the compiler or standard library:
//   - the only randomness comes from std::mt19937_64 (whose output sequence
//     is fixed by the C++ standard) fed through our own unbiased
//     bounded-integer function, never std::uniform_int_distribution;
//   - no container with unspecified iteration order is used;
//   - the operands of + and the arguments of a call are evaluated in an
//     unspecified order, so an expression in which two or more parts draw
//     random numbers must not use +; it uses J({...}) instead, whose braced
//     list is evaluated left to right. Keep to this rule when editing.
//
// Sentences are assembled from hand-written template parts: actors
// (countries, capitals, agencies, people, organisations, compounds), event
// verb frames spanning the CAMEO categories, and a set of constructions
// (active, passive, reported speech, relative clauses, negation, modality,
// conditionals, quotations, participial adjuncts, pronoun back-references,
// casualty counts) plus roughly 20% background sentences with no event.
// Every report has exactly --sentences-per-report sentences, separated by one
// space. Statistics go to stderr at the end: reports, sentences, words
// (space-separated tokens of the texts), bytes written, average words per
// sentence and elapsed time.
//
// Standard library only; build with
//   g++ -std=c++20 -O2 -Wall -Wextra -Werror -o corpus_gen corpus_gen.cpp

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ------------------------------------------------------------------ random

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : eng_(seed) {}

  // Uniform integer in [0, n). Rejection sampling keeps it unbiased and
  // independent of the standard library's distribution implementations.
  std::uint64_t below(std::uint64_t n) {
    if (n <= 1) return 0;
    const std::uint64_t threshold = (std::uint64_t{0} - n) % n;
    for (;;) {
      const std::uint64_t x = eng_();
      if (x >= threshold) return x % n;
    }
  }
  int range(int lo, int hi) {  // inclusive
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool pct(int p) { return static_cast<int>(below(100)) < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(below(v.size()))];
  }
  std::size_t weighted(std::initializer_list<int> ws) {
    int total = 0;
    for (int w : ws) total += w;
    int x = static_cast<int>(below(static_cast<std::uint64_t>(total)));
    std::size_t i = 0;
    for (int w : ws) {
      if (x < w) return i;
      x -= w;
      ++i;
    }
    return i - 1;
  }

 private:
  std::mt19937_64 eng_;
};

// ------------------------------------------------------------ actor classes

// What kind of actor a phrase denotes; verb frames restrict their subject
// and object to compatible classes so that e.g. a central bank never shells
// a village.
enum : unsigned {
  ST = 1,    // the state as a whole: country, capital, government, authorities
  LD = 2,    // named leader or official
  MI = 4,    // military
  PO = 8,    // police and security services
  CI = 16,   // civil society: protesters, activists, residents
  IO = 32,   // international organisation
  AG = 64,   // non-state armed group
  SP = 128,  // can only be quoted (embassy, state media)
  DP = 256,  // diplomatic and civilian institutions: ministries, officials, parliament
  FO = 512,  // foreign ministry: expels, summons and recalls envoys
  SPK = 1024,  // spokespeople, armed groups' officials, people out of office: speak, accuse, warn; do not act
};
constexpr unsigned VERBAL = ST | LD | DP | IO | SPK;  // subjects of verbal acts (accuse, urge)
constexpr unsigned SPEAKER = VERBAL | SP;                 // anyone who can be quoted
constexpr unsigned ARMED = MI | AG;
constexpr unsigned ANY = 0x7FFu;
constexpr unsigned TGT = ST | LD | MI | PO | AG | IO | CI | DP;

enum : unsigned { FEM = 1, NOADJ = 2 };

struct Person {
  const char* title;  // "Prime Minister", "Gen.", or "" if none
  const char* name;
  const char* role;   // lower case, e.g. "prime minister"
  const char* ref;    // later mention, e.g. "Mr. Xi"; "" = derive
  unsigned flags;
};

struct Agent {
  const char* text;
  bool plural;
  bool def;  // takes "the"
  unsigned cls;
  const char* back;  // back-reference: "they", "the ministry"
};

struct Country {
  const char* name;
  const char* adj;
  const char* capital;
  const char* currency;
  bool rebels;     // "<adj> rebels" is a plausible phrase
  std::vector<const char*> metonyms;
  std::vector<const char*> places;
  std::vector<Person> people;
};

struct Org {
  const char* name;
  const char* prefix;  // attributive form: "UN", "Hamas", "Taliban"
  const char* poss;    // possessive: "the UN's"
  const char* seat;
  const char* home;  // home country name for armed groups, else nullptr
  bool plural;
  unsigned cls;
  const char* back;
  std::vector<Agent> agents;
  std::vector<Person> people;
};

Person P(const char* title, const char* name, const char* role,
         const char* ref = "", unsigned flags = 0) {
  return Person{title, name, role, ref, flags};
}
Agent A(const char* text, bool plural, bool def, unsigned cls, const char* back) {
  return Agent{text, plural, def, cls, back};
}

const std::vector<Agent>& countryAgents() {
  static const std::vector<Agent> v = {
      A("troops", true, false, MI, "they"),
      A("soldiers", true, false, MI, "they"),
      A("forces", true, false, MI, "they"),
      A("armed forces", true, false, MI, "they"),
      A("army", false, true, MI, "the army"),
      A("military", false, true, MI | SP, "the military"),
      A("border guards", true, false, MI | PO, "they"),
      A("artillery units", true, false, MI, "they"),
      A("air force", false, true, MI, "the air force"),
      A("navy", false, true, MI, "the navy"),
      A("special forces", true, false, MI, "they"),
      A("defense ministry", false, true, MI | DP | SP, "the ministry"),
      A("police", true, false, PO, "the police"),
      A("riot police", true, false, PO, "the police"),
      A("security forces", true, false, PO | MI, "they"),
      A("security service", false, true, PO | SP, "the security service"),
      A("interior ministry", false, true, PO | DP | SP, "the ministry"),
      A("border police", true, false, PO, "the police"),
      A("intelligence officers", true, false, PO, "they"),
      A("prosecutors", true, false, PO, "prosecutors"),
      A("authorities", true, false, ST | PO, "the authorities"),
      A("government", false, true, ST | SP, "the government"),
      A("foreign ministry", false, true, DP | SP | FO, "the ministry"),
      A("officials", true, false, DP | SP, "they"),
      A("diplomats", true, false, DP | SP, "they"),
      A("parliament", false, true, DP | SP, "the parliament"),
      A("lawmakers", true, false, DP | SP, "they"),
      A("ambassador", false, true, DP | SP, "the ambassador"),
      A("embassy", false, true, SP, "the embassy"),
      A("negotiators", true, false, DP | SP, "they"),
      A("delegation", false, true, DP, "the delegation"),
      A("presidency", false, true, DP | SP, "the presidency"),
      A("national security council", false, true, DP | SP, "the council"),
      A("state news agency", false, true, SP, "the agency"),
      A("state television", false, false, SP, "state television"),
      A("protesters", true, false, CI, "they"),
      A("demonstrators", true, false, CI, "they"),
      A("activists", true, false, CI, "they"),
      A("environmental activists", true, false, CI, "they"),
      A("students", true, false, CI, "they"),
      A("farmers", true, false, CI, "they"),
      A("journalists", true, false, CI, "they"),
      A("residents", true, false, CI, "residents"),
      A("civilians", true, false, CI, "they"),
      A("refugees", true, false, CI, "they"),
      A("opposition supporters", true, false, CI, "they"),
      A("human rights groups", true, false, CI, "the groups"),
      A("villagers", true, false, CI, "they"),
      A("truck drivers", true, false, CI, "the drivers"),
      A("opposition parties", true, false, CI, "the parties"),
      A("trade unions", true, false, CI, "the unions"),
      A("rebels", true, false, AG, "the rebels"),
      A("militants", true, false, AG, "the militants"),
      A("separatists", true, false, AG, "the separatists"),
      A("militia fighters", true, false, AG, "the fighters"),
      A("insurgents", true, false, AG, "the insurgents"),
      A("paramilitary forces", true, false, AG, "they"),
  };
  return v;
}

Country C(const char* name, const char* adj, const char* capital,
          const char* currency, bool rebels,
          std::vector<const char*> metonyms, std::vector<const char*> places,
          std::vector<Person> people) {
  return Country{name, adj, capital, currency, rebels,
                 std::move(metonyms), std::move(places), std::move(people)};
}

const std::vector<Country>& countries() {
  static const std::vector<Country> v = {
      C("Armenia", "Armenian", "Yerevan", "dram", false, {},
        {"Goris", "Jermuk", "Kapan", "Syunik province", "Tavush province", "Sotk", "Vardenis"},
        {P("Prime Minister", "Nikol Pashinyan", "prime minister"),
         P("Foreign Minister", "Ararat Mirzoyan", "foreign minister"),
         P("", "Ani Badalyan", "foreign ministry spokeswoman", "", FEM),
         P("Defense Minister", "Suren Papikyan", "defense minister"),
         P("President", "Vahagn Khachaturyan", "president")}),
      C("Azerbaijan", "Azerbaijani", "Baku", "manat", false, {},
        {"Shusha", "the Lachin corridor", "Aghdam", "Fuzuli", "Khankendi", "Ganja", "Kalbajar",
         "Nagorno-Karabakh"},
        {P("President", "Ilham Aliyev", "president"),
         P("Foreign Minister", "Jeyhun Bayramov", "foreign minister"),
         P("", "Hikmet Hajiyev", "presidential foreign policy adviser"),
         P("", "Aykhan Hajizada", "foreign ministry spokesman")}),
      C("Russia", "Russian", "Moscow", "ruble", false, {"the Kremlin"},
        {"Belgorod", "Kursk", "Bryansk", "Rostov-on-Don", "Dagestan", "St. Petersburg",
         "the Black Sea port of Novorossiysk"},
        {P("President", "Vladimir Putin", "president"),
         P("Foreign Minister", "Sergey Lavrov", "foreign minister"),
         P("", "Maria Zakharova", "foreign ministry spokeswoman", "", FEM),
         P("", "Dmitry Peskov", "Kremlin spokesman", "", NOADJ),
         P("Defense Minister", "Sergei Shoigu", "defense minister")}),
      C("Ukraine", "Ukrainian", "Kyiv", "hryvnia", false, {},
        {"Kharkiv", "Bakhmut", "Donetsk", "Zaporizhzhia", "Odesa", "Kherson", "Avdiivka",
         "Crimea", "Mariupol"},
        {P("President", "Volodymyr Zelenskyy", "president"),
         P("Foreign Minister", "Dmytro Kuleba", "foreign minister"),
         P("", "Andriy Yermak", "presidential chief of staff"),
         P("Prime Minister", "Denys Shmyhal", "prime minister")}),
      C("Israel", "Israeli", "Jerusalem", "shekel", false, {},
        {"Tel Aviv", "Ashkelon", "Sderot", "the Golan Heights", "Haifa", "the Negev"},
        {P("Prime Minister", "Benjamin Netanyahu", "prime minister"),
         P("Defense Minister", "Yoav Gallant", "defense minister"),
         P("President", "Isaac Herzog", "president"),
         P("Rear Adm.", "Daniel Hagari", "chief military spokesman", "Adm. Hagari")}),
      C("the Palestinian Authority", "Palestinian", "Ramallah", "shekel", false, {},
        {"Gaza", "Gaza City", "Rafah", "Khan Younis", "Jenin", "Nablus", "Hebron", "the West Bank",
         "the Jabalia refugee camp"},
        {P("President", "Mahmoud Abbas", "president"),
         P("Prime Minister", "Mohammad Shtayyeh", "prime minister"),
         P("Foreign Minister", "Riyad al-Maliki", "foreign minister", "Mr. Maliki")}),
      C("Iran", "Iranian", "Tehran", "rial", false, {},
        {"Isfahan", "Natanz", "Khuzestan province", "Mashhad", "the Strait of Hormuz",
         "Bandar Abbas"},
        {P("Supreme Leader Ayatollah", "Ali Khamenei", "supreme leader", "Ayatollah Khamenei"),
         P("President", "Ebrahim Raisi", "president"),
         P("Foreign Minister", "Hossein Amir-Abdollahian", "foreign minister"),
         P("", "Nasser Kanaani", "foreign ministry spokesman")}),
      C("China", "Chinese", "Beijing", "yuan", false, {},
        {"Xinjiang", "Hong Kong", "the South China Sea", "Shanghai", "Fujian province", "Tibet"},
        {P("President", "Xi Jinping", "president", "Mr. Xi"),
         P("Foreign Minister", "Wang Yi", "foreign minister", "Mr. Wang"),
         P("", "Mao Ning", "foreign ministry spokeswoman", "Ms. Mao", FEM),
         P("Premier", "Li Qiang", "premier", "Mr. Li")}),
      C("the United States", "U.S.", "Washington", "dollar", false,
        {"the White House", "the Pentagon"}, {"New York", "Guam", "Hawaii", "Virginia"},
        {P("President", "Joe Biden", "president"),
         P("Secretary of State", "Antony Blinken", "secretary of state"),
         P("Defense Secretary", "Lloyd Austin", "defense secretary"),
         P("", "Matthew Miller", "State Department spokesman", "", NOADJ),
         P("", "John Kirby", "National Security Council spokesman", "", NOADJ)}),
      C("France", "French", "Paris", "euro", false, {"the Elysee Palace"},
        {"Marseille", "Lyon", "Strasbourg", "Nice"},
        {P("President", "Emmanuel Macron", "president"),
         P("Foreign Minister", "Catherine Colonna", "foreign minister", "", FEM),
         P("Prime Minister", "Elisabeth Borne", "prime minister", "", FEM)}),
      C("Turkey", "Turkish", "Ankara", "lira", false, {},
        {"Istanbul", "Gaziantep", "Hatay province", "Diyarbakir", "the Aegean coast", "Izmir"},
        {P("President", "Recep Tayyip Erdogan", "president"),
         P("Foreign Minister", "Hakan Fidan", "foreign minister"),
         P("Defense Minister", "Yasar Guler", "defense minister")}),
      C("Sudan", "Sudanese", "Khartoum", "Sudanese pound", true, {},
        {"Omdurman", "Darfur", "El Geneina", "Port Sudan", "North Kordofan", "El Fasher",
         "Wad Madani"},
        {P("Gen.", "Abdel Fattah al-Burhan", "army chief", "Gen. Burhan"),
         P("Prime Minister", "Abdalla Hamdok", "prime minister")}),
      C("Ethiopia", "Ethiopian", "Addis Ababa", "birr", true, {},
        {"Tigray", "Mekelle", "the Amhara region", "Afar", "Gondar", "Bahir Dar"},
        {P("Prime Minister", "Abiy Ahmed", "prime minister", "Mr. Abiy"),
         P("", "Redwan Hussien", "national security adviser", "Mr. Redwan")}),
      C("Somalia", "Somali", "Mogadishu", "Somali shilling", true, {},
        {"Baidoa", "Kismayo", "Beledweyne", "the Hiran region", "Puntland", "Lower Shabelle"},
        {P("President", "Hassan Sheikh Mohamud", "president", "Mr. Mohamud")}),
      C("Mali", "Malian", "Bamako", "CFA franc", true, {},
        {"Timbuktu", "Gao", "Kidal", "Mopti", "Menaka"},
        {P("Col.", "Assimi Goita", "interim president", "Col. Goita"),
         P("Foreign Minister", "Abdoulaye Diop", "foreign minister")}),
      C("Myanmar", "Myanmar", "Naypyitaw", "kyat", true, {},
        {"Yangon", "Mandalay", "Rakhine state", "Sagaing region", "Kachin state", "Shan state"},
        {P("Senior Gen.", "Min Aung Hlaing", "military ruler", "Gen. Min Aung Hlaing"),
         P("", "Aung San Suu Kyi", "ousted civilian leader", "Ms. Suu Kyi", FEM)}),
      C("Afghanistan", "Afghan", "Kabul", "afghani", false, {},
        {"Kandahar", "Herat", "Mazar-i-Sharif", "the Panjshir Valley", "Jalalabad", "Kunduz"},
        {P("", "Zabihullah Mujahid", "government spokesman"),
         P("Foreign Minister", "Amir Khan Muttaqi", "foreign minister")}),
      C("Pakistan", "Pakistani", "Islamabad", "Pakistani rupee", true, {},
        {"Karachi", "Lahore", "Peshawar", "Balochistan", "Quetta", "the Torkham border crossing",
         "North Waziristan"},
        {P("Prime Minister", "Shehbaz Sharif", "prime minister", "Mr. Sharif"),
         P("", "Imran Khan", "former prime minister", "Mr. Khan"),
         P("Foreign Minister", "Bilawal Bhutto Zardari", "foreign minister", "Mr. Bhutto Zardari"),
         P("Gen.", "Asim Munir", "army chief", "Gen. Munir")}),
      C("India", "Indian", "New Delhi", "rupee", false, {},
        {"Mumbai", "Kashmir", "Srinagar", "Ladakh", "Manipur", "the Line of Control"},
        {P("Prime Minister", "Narendra Modi", "prime minister"),
         P("External Affairs Minister", "Subrahmanyam Jaishankar", "external affairs minister"),
         P("Defense Minister", "Rajnath Singh", "defense minister", "Mr. Singh")}),
      C("Serbia", "Serbian", "Belgrade", "dinar", false, {},
        {"Novi Sad", "Nis", "Raska", "Jarinje", "Merdare"},
        {P("President", "Aleksandar Vucic", "president"),
         P("Prime Minister", "Ana Brnabic", "prime minister", "", FEM)}),
      C("Kosovo", "Kosovo", "Pristina", "euro", false, {},
        {"Mitrovica", "Zvecan", "Leposavic", "Banjska", "North Mitrovica", "Zubin Potok"},
        {P("Prime Minister", "Albin Kurti", "prime minister"),
         P("President", "Vjosa Osmani", "president", "", FEM)}),
      C("Syria", "Syrian", "Damascus", "Syrian pound", true, {},
        {"Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Raqqa", "Daraa", "Qamishli", "Manbij"},
        {P("President", "Bashar al-Assad", "president", "Mr. Assad"),
         P("Foreign Minister", "Faisal Mekdad", "foreign minister")}),
      C("Iraq", "Iraqi", "Baghdad", "Iraqi dinar", true, {},
        {"Mosul", "Basra", "Kirkuk", "Erbil", "Sinjar", "the Kurdistan region", "Anbar province"},
        {P("Prime Minister", "Mohammed Shia al-Sudani", "prime minister", "Mr. Sudani"),
         P("Foreign Minister", "Fuad Hussein", "foreign minister")}),
      C("Yemen", "Yemeni", "Sanaa", "Yemeni rial", true, {},
        {"Aden", "Hodeidah", "Marib", "Taiz", "Saada", "the Red Sea coast"},
        {P("", "Rashad al-Alimi", "head of the Presidential Leadership Council", "Mr. Alimi",
           NOADJ)}),
      C("Lebanon", "Lebanese", "Beirut", "Lebanese pound", false, {},
        {"Tyre", "Sidon", "southern Lebanon", "the Bekaa Valley", "Nabatieh",
         "the border village of Aita al-Shaab"},
        {P("Prime Minister", "Najib Mikati", "caretaker prime minister"),
         P("", "Nabih Berri", "parliament speaker")}),
      C("Georgia", "Georgian", "Tbilisi", "lari", false, {},
        {"Batumi", "South Ossetia", "Abkhazia", "Gori", "Kutaisi"},
        {P("Prime Minister", "Irakli Garibashvili", "prime minister"),
         P("President", "Salome Zourabichvili", "president", "", FEM)}),
      C("Germany", "German", "Berlin", "euro", false, {},
        {"Munich", "Hamburg", "Frankfurt"},
        {P("Chancellor", "Olaf Scholz", "chancellor"),
         P("Foreign Minister", "Annalena Baerbock", "foreign minister", "", FEM)}),
      C("Britain", "British", "London", "pound", false, {"Downing Street"},
        {"Manchester", "Belfast", "Edinburgh"},
        {P("Prime Minister", "Rishi Sunak", "prime minister"),
         P("Foreign Secretary", "James Cleverly", "foreign secretary")}),
      C("Egypt", "Egyptian", "Cairo", "Egyptian pound", false, {},
        {"the Sinai Peninsula", "Alexandria", "the Rafah border crossing", "Sharm el-Sheikh",
         "El Arish"},
        {P("President", "Abdel Fattah el-Sisi", "president", "Mr. Sisi"),
         P("Foreign Minister", "Sameh Shoukry", "foreign minister")}),
      C("Saudi Arabia", "Saudi", "Riyadh", "riyal", false, {},
        {"Jeddah", "Jizan province", "Najran", "the Red Sea port of Yanbu"},
        {P("Crown Prince", "Mohammed bin Salman", "crown prince", "Prince Mohammed"),
         P("Foreign Minister Prince", "Faisal bin Farhan", "foreign minister", "Prince Faisal")}),
      C("Qatar", "Qatari", "Doha", "Qatari riyal", false, {},
        {"Lusail", "the Al Udeid air base"},
        {P("Emir Sheikh", "Tamim bin Hamad Al Thani", "emir", "Sheikh Tamim"),
         P("", "Majed al-Ansari", "foreign ministry spokesman", "Mr. Ansari")}),
      C("Japan", "Japanese", "Tokyo", "yen", false, {},
        {"Okinawa", "Osaka", "Hokkaido", "the Senkaku Islands"},
        {P("Prime Minister", "Fumio Kishida", "prime minister"),
         P("Foreign Minister", "Yoko Kamikawa", "foreign minister", "", FEM)}),
      C("South Korea", "South Korean", "Seoul", "won", false, {},
        {"Busan", "Incheon", "Yeonpyeong Island", "the demilitarized zone"},
        {P("President", "Yoon Suk Yeol", "president", "Mr. Yoon")}),
      C("North Korea", "North Korean", "Pyongyang", "North Korean won", false, {},
        {"Kaesong", "Yongbyon", "Wonsan", "Sinpo"},
        {P("", "Kim Jong Un", "leader", "Mr. Kim"),
         P("", "Kim Yo Jong", "senior ruling party official", "Ms. Kim", FEM)}),
      C("Venezuela", "Venezuelan", "Caracas", "bolivar", false, {},
        {"Maracaibo", "San Cristobal", "Zulia state", "Ciudad Guayana"},
        {P("President", "Nicolas Maduro", "president"),
         P("", "Juan Guaido", "opposition leader")}),
      C("Colombia", "Colombian", "Bogota", "peso", true, {},
        {"Cali", "Medellin", "Cauca", "Cucuta", "Arauca"},
        {P("President", "Gustavo Petro", "president")}),
      C("Nigeria", "Nigerian", "Abuja", "naira", false, {},
        {"Lagos", "Maiduguri", "Borno state", "Kaduna", "Zamfara state", "Kano"},
        {P("President", "Bola Tinubu", "president"),
         P("", "Muhammadu Buhari", "former president")}),
      C("Niger", "Nigerien", "Niamey", "CFA franc", true, {},
        {"Agadez", "Tillaberi", "Zinder", "Diffa"},
        {P("Gen.", "Abdourahamane Tiani", "military ruler", "Gen. Tiani"),
         P("", "Mohamed Bazoum", "ousted president")}),
      C("Burkina Faso", "Burkinabe", "Ouagadougou", "CFA franc", true, {},
        {"Djibo", "Kaya", "Bobo-Dioulasso", "Dori"},
        {P("Capt.", "Ibrahim Traore", "military leader", "Capt. Traore")}),
      C("Libya", "Libyan", "Tripoli", "Libyan dinar", true, {},
        {"Benghazi", "Sirte", "Derna", "Misrata", "Sabha"},
        {P("Prime Minister", "Abdul Hamid Dbeibah", "prime minister"),
         P("", "Khalifa Haftar", "eastern military commander")}),
      C("Belarus", "Belarusian", "Minsk", "Belarusian ruble", false, {},
        {"Brest", "Grodno", "Gomel", "Vitebsk"},
        {P("President", "Alexander Lukashenko", "president"),
         P("", "Sviatlana Tsikhanouskaya", "exiled opposition leader", "", FEM)}),
      C("Poland", "Polish", "Warsaw", "zloty", false, {},
        {"Przewodow", "Krakow", "Gdansk", "Bialystok", "the border town of Kuznica"},
        {P("President", "Andrzej Duda", "president"),
         P("Prime Minister", "Mateusz Morawiecki", "prime minister")}),
      C("Kenya", "Kenyan", "Nairobi", "Kenyan shilling", false, {},
        {"Mombasa", "Garissa", "Lamu", "Mandera", "Kisumu"},
        {P("President", "William Ruto", "president")}),
      C("South Sudan", "South Sudanese", "Juba", "South Sudanese pound", true, {},
        {"Malakal", "Bentiu", "Upper Nile state", "Renk", "Abyei"},
        {P("President", "Salva Kiir", "president", "Mr. Kiir"),
         P("First Vice President", "Riek Machar", "first vice president", "Mr. Machar")}),
      C("Eritrea", "Eritrean", "Asmara", "nakfa", false, {},
        {"Massawa", "Assab", "Keren", "Badme"},
        {P("President", "Isaias Afwerki", "president", "Mr. Isaias")}),
      C("Jordan", "Jordanian", "Amman", "Jordanian dinar", false, {},
        {"Aqaba", "Zarqa", "Irbid", "the Allenby crossing"},
        {P("King", "Abdullah II", "king", "King Abdullah"),
         P("Foreign Minister", "Ayman Safadi", "foreign minister")}),
      C("Bosnia and Herzegovina", "Bosnian", "Sarajevo", "convertible mark", false, {},
        {"Banja Luka", "Mostar", "Srebrenica", "Tuzla", "Brcko"},
        {P("", "Milorad Dodik", "Bosnian Serb leader", "", NOADJ)}),
      C("Moldova", "Moldovan", "Chisinau", "leu", false, {},
        {"Transnistria", "Tiraspol", "Balti", "Comrat"},
        {P("President", "Maia Sandu", "president", "", FEM)}),
      C("Taiwan", "Taiwanese", "Taipei", "Taiwan dollar", false, {},
        {"Kaohsiung", "the Taiwan Strait", "Kinmen", "Taichung", "the Matsu islands"},
        {P("President", "Tsai Ing-wen", "president", "Ms. Tsai", FEM),
         P("Foreign Minister", "Joseph Wu", "foreign minister", "Mr. Wu")}),
      C("the Philippines", "Philippine", "Manila", "Philippine peso", true, {},
        {"Mindanao", "the Second Thomas Shoal", "Scarborough Shoal", "Cebu", "Zamboanga"},
        {P("President", "Ferdinand Marcos Jr.", "president", "Mr. Marcos")}),
      C("Haiti", "Haitian", "Port-au-Prince", "gourde", false, {},
        {"Cap-Haitien", "Cite Soleil", "Gonaives", "Les Cayes"},
        {P("Prime Minister", "Ariel Henry", "prime minister")}),
      C("the Democratic Republic of Congo", "Congolese", "Kinshasa", "Congolese franc", true, {},
        {"Goma", "North Kivu", "Ituri province", "Bunia", "Rutshuru", "Beni"},
        {P("President", "Felix Tshisekedi", "president")}),
      C("Rwanda", "Rwandan", "Kigali", "Rwandan franc", false, {},
        {"Gisenyi", "Rubavu", "Musanze", "Rusizi"},
        {P("President", "Paul Kagame", "president")}),
      C("Chad", "Chadian", "N'Djamena", "CFA franc", true, {},
        {"Abeche", "Adre", "Moundou", "the Tibesti region"},
        {P("President", "Mahamat Idriss Deby", "president", "Mr. Deby")}),
      C("Brazil", "Brazilian", "Brasilia", "real", false, {},
        {"Sao Paulo", "Rio de Janeiro", "Roraima"},
        {P("President", "Luiz Inacio Lula da Silva", "president", "Mr. Lula")}),
      C("Greece", "Greek", "Athens", "euro", false, {},
        {"Thessaloniki", "the island of Lesbos", "Evros", "Crete"},
        {P("Prime Minister", "Kyriakos Mitsotakis", "prime minister")}),
      C("Cyprus", "Cypriot", "Nicosia", "euro", false, {},
        {"Famagusta", "Larnaca", "the buffer zone", "Pyla"},
        {P("President", "Nikos Christodoulides", "president")}),
      C("Guyana", "Guyanese", "Georgetown", "Guyanese dollar", false, {},
        {"the Essequibo region", "Lethem", "Bartica"},
        {P("President", "Irfaan Ali", "president")}),
      C("Oman", "Omani", "Muscat", "Omani rial", false, {},
        {"Salalah", "Sohar"},
        {P("Foreign Minister", "Badr Albusaidi", "foreign minister")}),
      C("Algeria", "Algerian", "Algiers", "Algerian dinar", false, {},
        {"Oran", "Tamanrasset"},
        {P("President", "Abdelmadjid Tebboune", "president")}),
  };
  return v;
}

Org O(const char* name, const char* prefix, const char* poss, const char* seat,
      const char* home, bool plural, unsigned cls, const char* back,
      std::vector<Agent> agents, std::vector<Person> people) {
  return Org{name, prefix, poss, seat, home, plural, cls, back,
             std::move(agents), std::move(people)};
}

const std::vector<Org>& orgs() {
  constexpr unsigned I = IO | SP;
  static const std::vector<Org> v = {
      O("the United Nations", "UN", "the UN's", "New York", nullptr, false, IO | SP,
        "the world body",
        {A("peacekeepers", true, false, PO, "the peacekeepers"), A("officials", true, false, I, "they"),
         A("monitors", true, false, PO, "the monitors"), A("aid agencies", true, false, I, "the agencies"),
         A("envoy", false, true, I, "the envoy"), A("human rights office", false, true, I, "the office"),
         A("Security Council", false, true, I, "the council")},
        {P("Secretary-General", "Antonio Guterres", "secretary-general"),
         P("", "Martin Griffiths", "humanitarian chief"),
         P("", "Volker Turk", "human rights chief"),
         P("", "Stephane Dujarric", "spokesman")}),
      O("the European Union", "EU", "the EU's", "Brussels", nullptr, false, IO | SP, "the bloc",
        {A("officials", true, false, I, "they"), A("monitors", true, false, PO, "the monitors"),
         A("foreign ministers", true, false, I, "the ministers"), A("leaders", true, false, I, "they"),
         A("monitoring mission", false, true, I, "the mission")},
        {P("", "Josep Borrell", "foreign policy chief"),
         P("European Commission President", "Ursula von der Leyen",
           "president of the European Commission", "Ms. von der Leyen", FEM | NOADJ),
         P("European Council President", "Charles Michel", "president of the European Council",
           "", NOADJ)}),
      O("NATO", "NATO", "NATO's", "Brussels", nullptr, false, IO | SP, "the alliance",
        {A("allies", true, false, I, "the allies"), A("officials", true, false, I, "they"),
         A("troops", true, false, PO, "the troops"), A("defense ministers", true, false, I, "the ministers")},
        {P("Secretary-General", "Jens Stoltenberg", "secretary-general")}),
      O("the OSCE", "OSCE", "the OSCE's", "Vienna", nullptr, false, IO | SP, "the organization",
        {A("monitors", true, false, PO, "the monitors"), A("observers", true, false, PO, "the observers"),
         A("officials", true, false, I, "they"), A("Minsk Group", false, true, I, "the group")},
        {P("", "Helga Schmid", "secretary general", "", FEM)}),
      O("the African Union", "AU", "the AU's", "Addis Ababa", nullptr, false, IO | SP, "the bloc",
        {A("peacekeepers", true, false, PO, "the peacekeepers"), A("mediators", true, false, I, "the mediators"),
         A("officials", true, false, I, "they"), A("Peace and Security Council", false, true, I, "the council")},
        {P("", "Moussa Faki Mahamat", "Commission chairman", "Mr. Faki")}),
      O("the International Committee of the Red Cross", "Red Cross", "the Red Cross's", "Geneva",
        nullptr, false, IO | SP, "the organization",
        {A("staff", true, false, I, "they"), A("officials", true, false, I, "they"),
         A("delegation", false, true, I, "the delegation")},
        {}),
      O("the World Food Programme", "WFP", "the WFP's", "Rome", nullptr, false, IO | SP, "the agency",
        {A("officials", true, false, I, "they"), A("staff", true, false, I, "they")},
        {P("", "Cindy McCain", "executive director", "Ms. McCain", FEM)}),
      O("the International Atomic Energy Agency", "IAEA", "the IAEA's", "Vienna", nullptr, false,
        IO | SP, "the agency",
        {A("inspectors", true, false, PO, "the inspectors"), A("officials", true, false, I, "they")},
        {P("Director General", "Rafael Grossi", "director general")}),
      O("the Arab League", "Arab League", "the Arab League's", "Cairo", nullptr, false, IO | SP,
        "the league",
        {A("foreign ministers", true, false, I, "the ministers"), A("officials", true, false, I, "they")},
        {P("Secretary-General", "Ahmed Aboul Gheit", "secretary-general", "Mr. Aboul Gheit")}),
      O("ECOWAS", "ECOWAS", "ECOWAS's", "Abuja", nullptr, false, IO | SP, "the regional bloc",
        {A("leaders", true, false, I, "they"), A("mediators", true, false, I, "the mediators"),
         A("officials", true, false, I, "they"), A("standby force", false, true, PO, "the force")},
        {}),
      O("the Association of Southeast Asian Nations", "ASEAN", "ASEAN's", "Jakarta", nullptr, false,
        IO | SP, "the bloc",
        {A("foreign ministers", true, false, I, "the ministers"), A("envoy", false, true, I, "the envoy")},
        {}),
      O("the International Criminal Court", "ICC", "the ICC's", "The Hague", nullptr, false, IO | SP,
        "the court",
        {A("prosecutors", true, false, I, "prosecutors"), A("judges", true, false, I, "the judges")},
        {P("", "Karim Khan", "chief prosecutor", "Mr. Khan")}),
      O("Human Rights Watch", "Human Rights Watch", "Human Rights Watch's", "New York", nullptr,
        false, IO | CI | SP, "the group",
        {A("researchers", true, false, IO | CI | SP, "the researchers")}, {}),
      O("Amnesty International", "Amnesty International", "Amnesty International's", "London",
        nullptr, false, IO | CI | SP, "the group",
        {A("researchers", true, false, IO | CI | SP, "the researchers")}, {}),
      // Non-state armed groups.
      O("Hamas", "Hamas", "Hamas's", "Gaza", "the Palestinian Authority", false, AG | SPK, "the group",
        {A("militants", true, false, AG, "the militants"), A("fighters", true, false, AG, "the fighters"),
         A("gunmen", true, false, AG, "the gunmen"), A("officials", true, false, AG | SPK, "they"),
         A("armed wing", false, true, AG | SPK, "the armed wing")},
        {P("", "Ismail Haniyeh", "political leader", "Mr. Haniyeh"),
         P("", "Osama Hamdan", "senior official")}),
      O("Hezbollah", "Hezbollah", "Hezbollah's", "Beirut", "Lebanon", false, AG | SPK, "the group",
        {A("fighters", true, false, AG, "the fighters"), A("officials", true, false, AG | SPK, "they"),
         A("lawmakers", true, false, SP, "they")},
        {P("", "Hassan Nasrallah", "leader", "Mr. Nasrallah"),
         P("", "Naim Qassem", "deputy leader", "Mr. Qassem")}),
      O("the Taliban", "Taliban", "the Taliban's", "Kabul", "Afghanistan", true, AG | SPK, "the Taliban",
        {A("fighters", true, false, AG, "the fighters"), A("officials", true, false, AG | SPK, "they"),
         A("authorities", true, false, AG | PO | SP, "the authorities"),
         A("government", false, true, AG | SPK, "the government")},
        {P("", "Zabihullah Mujahid", "chief spokesman"),
         P("Supreme Leader", "Haibatullah Akhundzada", "supreme leader", "Mr. Akhundzada")}),
      O("al-Shabaab", "al-Shabaab", "al-Shabaab's", "Jilib", "Somalia", false, AG | SPK, "the group",
        {A("fighters", true, false, AG, "the fighters"), A("militants", true, false, AG, "the militants"),
         A("gunmen", true, false, AG, "the gunmen")},
        {}),
      O("the Islamic State group", "Islamic State", "the Islamic State group's", "Raqqa", "Syria",
        false, AG | SPK, "the group",
        {A("militants", true, false, AG, "the militants"), A("fighters", true, false, AG, "the fighters"),
         A("cells", true, false, AG, "the cells")},
        {}),
      O("the Rapid Support Forces", "RSF", "the RSF's", "Khartoum", "Sudan", true, AG | SPK, "the RSF",
        {A("fighters", true, false, AG, "the fighters"), A("paramilitaries", true, false, AG, "they"),
         A("commanders", true, false, AG | SPK, "the commanders")},
        {P("Gen.", "Mohamed Hamdan Dagalo", "commander", "Gen. Dagalo")}),
      O("the Houthis", "Houthi", "the Houthis'", "Sanaa", "Yemen", true, AG | SPK, "the Houthis",
        {A("rebels", true, false, AG, "the rebels"), A("fighters", true, false, AG, "the fighters"),
         A("officials", true, false, AG | SPK, "they"), A("forces", true, false, AG, "they")},
        {P("", "Abdul-Malik al-Houthi", "leader", "Mr. Houthi"),
         P("Brig. Gen.", "Yahya Saree", "military spokesman", "Gen. Saree")}),
      O("the M23 rebel group", "M23", "M23's", "Rutshuru", "the Democratic Republic of Congo", false,
        AG | SPK, "the group",
        {A("rebels", true, false, AG, "the rebels"), A("fighters", true, false, AG, "the fighters")}, {}),
      O("the Kurdistan Workers' Party", "PKK", "the PKK's", "the Qandil mountains", "Iraq", false, AG | SPK, "the group",
        {A("militants", true, false, AG, "the militants"), A("fighters", true, false, AG, "the fighters"),
         A("insurgents", true, false, AG, "the insurgents")},
        {}),
      O("the Wagner Group", "Wagner", "Wagner's", "St. Petersburg", "Russia", false, AG | SPK, "the group",
        {A("mercenaries", true, false, AG, "the mercenaries"), A("fighters", true, false, AG, "the fighters"),
         A("commanders", true, false, AG | SPK, "the commanders")},
        {P("", "Yevgeny Prigozhin", "founder", "Mr. Prigozhin")}),
      O("Boko Haram", "Boko Haram", "Boko Haram's", "Maiduguri", "Nigeria", false, AG | SPK, "the group",
        {A("militants", true, false, AG, "the militants"), A("fighters", true, false, AG, "the fighters"),
         A("insurgents", true, false, AG, "the insurgents")},
        {}),
      O("the Tigray People's Liberation Front", "TPLF", "the TPLF's", "Mekelle", "Ethiopia", false,
        AG | SPK, "the front",
        {A("fighters", true, false, AG, "the fighters"), A("forces", true, false, AG, "they"),
         A("leaders", true, false, AG | SPK, "they")},
        {P("", "Getachew Reda", "spokesman", "Mr. Getachew"),
         P("", "Debretsion Gebremichael", "leader", "Mr. Debretsion")}),
      O("the Arakan Army", "Arakan Army", "the Arakan Army's", "Rakhine state", "Myanmar", false,
        AG | SPK, "the group",
        {A("fighters", true, false, AG, "the fighters"), A("rebels", true, false, AG, "the rebels")}, {}),
  };
  return v;
}

// A conflict dyad used as the backbone of one report, with plausible
// third parties. Side syntax: "Country", "Country+Org", "@Org" or
// "@Org/Country" (organisation only, places from Country).
struct PairDef {
  const char* a;
  const char* b;
  std::vector<const char*> med;
};

const std::vector<PairDef>& pairDefs() {
  static const std::vector<PairDef> v = {
      {"Armenia", "Azerbaijan",
       {"Russia", "France", "the United States", "@the European Union", "@the OSCE", "Iran", "Georgia"}},
      {"Ukraine", "Russia+the Wagner Group",
       {"Turkey", "@the United Nations", "the United States", "China", "Qatar", "Saudi Arabia",
        "@the International Committee of the Red Cross", "@the International Atomic Energy Agency"}},
      {"Israel", "the Palestinian Authority+Hamas",
       {"Egypt", "Qatar", "the United States", "@the United Nations", "Jordan", "@the World Food Programme"}},
      {"Israel", "Lebanon+Hezbollah", {"France", "@the United Nations", "the United States", "Qatar"}},
      {"Israel", "Iran", {"the United States", "Russia", "@the International Atomic Energy Agency", "Oman"}},
      {"Israel", "Syria", {"Russia", "the United States", "@the United Nations"}},
      {"Sudan", "@the Rapid Support Forces",
       {"Saudi Arabia", "the United States", "@the African Union", "Egypt", "@the United Nations", "Chad",
        "@the World Food Programme"}},
      {"Ethiopia", "@the Tigray People's Liberation Front", {"@the African Union", "Kenya", "the United States"}},
      {"Ethiopia", "Eritrea", {"@the African Union", "Saudi Arabia"}},
      {"Somalia", "@al-Shabaab", {"Kenya", "@the African Union", "the United States", "Turkey"}},
      {"Mali", "France", {"@ECOWAS", "@the African Union", "@the United Nations", "Algeria"}},
      {"Myanmar", "@the Arakan Army",
       {"China", "@the Association of Southeast Asian Nations", "@the United Nations"}},
      {"Afghanistan+the Taliban", "Pakistan", {"Qatar", "China", "@the United Nations"}},
      {"India", "Pakistan", {"the United States", "Saudi Arabia", "@the United Nations"}},
      {"India", "China", {"Russia", "the United States"}},
      {"Serbia", "Kosovo", {"@the European Union", "the United States", "@NATO", "Germany", "France"}},
      {"Turkey", "Syria", {"Russia", "Iran", "@the United Nations"}},
      {"Syria", "@the Islamic State group", {"the United States", "Iraq", "Russia"}},
      {"Turkey", "@the Kurdistan Workers' Party", {"Iraq", "the United States"}},
      {"Saudi Arabia", "@the Houthis", {"Oman", "@the United Nations", "Iran"}},
      {"Yemen", "@the Houthis", {"Oman", "Saudi Arabia", "@the United Nations"}},
      {"the United States", "Iran",
       {"Qatar", "Oman", "@the European Union", "@the International Atomic Energy Agency"}},
      {"China", "Taiwan", {"the United States", "Japan"}},
      {"China", "the Philippines",
       {"the United States", "Japan", "@the Association of Southeast Asian Nations"}},
      {"North Korea", "South Korea", {"the United States", "China", "@the United Nations", "Japan"}},
      {"Russia", "Georgia", {"@the European Union", "the United States"}},
      {"the Democratic Republic of Congo", "Rwanda",
       {"@the African Union", "Kenya", "the United States", "Qatar"}},
      {"the Democratic Republic of Congo", "@the M23 rebel group",
       {"@the African Union", "Kenya", "@the United Nations"}},
      {"Venezuela", "Guyana", {"Brazil", "the United States"}},
      {"Belarus", "Poland", {"@the European Union", "Germany"}},
      {"Moldova", "Russia", {"@the European Union", "Ukraine"}},
      {"Greece", "Turkey", {"@NATO", "@the European Union", "Germany"}},
      {"Nigeria", "@Boko Haram", {"Chad", "Niger", "@the African Union"}},
      {"Niger", "France", {"@ECOWAS", "the United States", "@the African Union"}},
      {"South Sudan", "Sudan", {"@the African Union", "Ethiopia", "Kenya"}},
      {"Cyprus", "Turkey", {"@the United Nations", "Greece", "@the European Union"}},
      {"Colombia", "Venezuela", {"Brazil", "the United States"}},
      {"Burkina Faso", "@the Islamic State group/Burkina Faso", {"Mali", "Niger", "@ECOWAS"}},
      {"Israel", "Jordan", {"the United States", "Egypt"}},
      {"Libya", "Egypt", {"@the United Nations", "Turkey", "Algeria"}},
  };
  return v;
}

// Dyads without a shared land border: no shelling, border closures or
// "clashes along the border" between them.
bool distantPair(std::string_view a, std::string_view b) {
  static const char* const kDistant[][2] = {
      {"the United States", "Iran"}, {"Israel", "Iran"},  {"Mali", "France"},    {"Niger", "France"},
      {"China", "the Philippines"},  {"China", "Taiwan"}, {"Cyprus", "Turkey"},
  };
  for (const auto& d : kDistant)
    if ((a == d[0] && b == d[1]) || (a == d[1] && b == d[0])) return true;
  return false;
}

// Places for dyads whose countries' general place lists would be too broad.
struct PairPlaces {
  const char* a;
  const char* b;
  std::vector<const char*> places;
};

// "a:" / "b:" mark places on the territory of the first / second side.
const std::vector<PairPlaces>& pairPlaces() {
  static const std::vector<PairPlaces> v = {
      {"China", "Taiwan",
       {"the Taiwan Strait", "b:Kinmen", "b:the Matsu islands", "a:Fujian province", "b:Kaohsiung", "a:Xiamen"}},
      {"China", "the Philippines",
       {"the South China Sea", "the Second Thomas Shoal", "Scarborough Shoal", "the Spratly Islands", "b:Palawan",
        "a:Hainan"}},
      {"India", "China",
       {"a:Ladakh", "the Galwan Valley", "a:Arunachal Pradesh", "b:Tibet", "the Line of Actual Control",
        "a:Sikkim"}},
      {"India", "Pakistan",
       {"Kashmir", "a:Srinagar", "the Line of Control", "b:Lahore", "b:Muzaffarabad", "a:Poonch", "a:Jammu"}},
      {"the United States", "Iran",
       {"the Strait of Hormuz", "the Persian Gulf", "the Gulf of Oman", "b:Natanz", "b:Bandar Abbas",
        "eastern Syria"}},
      {"Israel", "Iran",
       {"b:Natanz", "b:Isfahan", "Damascus", "southern Lebanon", "a:the Golan Heights", "the Red Sea", "a:Eilat"}},
      {"Russia", "Georgia",
       {"b:South Ossetia", "b:Abkhazia", "b:Gori", "b:Tskhinvali", "b:Sukhumi", "the Roki Tunnel", "a:Vladikavkaz"}},
      {"Moldova", "Russia", {"a:Transnistria", "a:Tiraspol", "a:Chisinau", "a:Balti", "a:Comrat", "the Dniester River"}},
      {"Turkey", "Syria",
       {"b:Idlib", "b:Aleppo", "b:Manbij", "b:Qamishli", "a:Hatay province", "a:Gaziantep", "b:Kobani", "b:Afrin"}},
      {"Greece", "Turkey",
       {"the Aegean Sea", "a:the island of Lesbos", "a:Evros", "b:Izmir", "a:Crete", "b:the Aegean coast"}},
      {"Cyprus", "Turkey", {"b:Famagusta", "the buffer zone", "Pyla", "Nicosia", "b:Kyrenia", "a:Larnaca", "a:Limassol"}},
      {"Turkey", "@the Kurdistan Workers' Party",
       {"b:the Qandil mountains", "b:Sinjar", "b:the Kurdistan region", "a:Diyarbakir", "a:Hakkari province",
        "b:Duhok"}},
      {"Saudi Arabia", "@the Houthis",
       {"a:Jizan province", "a:Najran", "b:Saada", "b:Hodeidah", "b:Sanaa", "b:Marib", "the Red Sea"}},
      {"Israel", "Lebanon+Hezbollah",
       {"a:northern Israel", "a:Metula", "a:Kiryat Shmona", "a:the Golan Heights", "b:Tyre", "b:Nabatieh",
        "b:southern Lebanon", "b:the Bekaa Valley", "b:the border village of Aita al-Shaab"}},
      {"Israel", "the Palestinian Authority+Hamas",
       {"a:Ashkelon", "a:Sderot", "a:Tel Aviv", "Jerusalem", "b:Gaza", "b:Gaza City", "b:Rafah", "b:Khan Younis",
        "b:Jenin", "b:Nablus", "b:Hebron", "b:the West Bank", "b:the Jabalia refugee camp"}},
      {"Israel", "Syria",
       {"a:the Golan Heights", "b:Damascus", "b:Quneitra", "b:Homs", "b:the outskirts of Aleppo", "b:Daraa"}},
      {"Israel", "Jordan", {"the Allenby crossing", "the Jordan Valley", "b:Aqaba", "a:Eilat", "Jerusalem"}},
      {"Libya", "Egypt", {"a:Benghazi", "a:Sirte", "a:Derna", "a:Tobruk", "b:Salloum", "b:Marsa Matruh"}},
      {"Mali", "France", {"a:Timbuktu", "a:Gao", "a:Kidal", "a:Mopti", "a:Menaka", "a:Bamako"}},
      {"Niger", "France", {"a:Niamey", "a:Agadez", "a:Tillaberi", "a:Zinder", "a:Diffa"}},
      {"Venezuela", "Guyana",
       {"the Essequibo region", "b:Lethem", "b:Bartica", "a:Ciudad Guayana", "a:Bolivar state"}},
      {"Colombia", "Venezuela", {"a:Cucuta", "b:San Cristobal", "a:Arauca", "b:Zulia state", "the Simon Bolivar bridge"}},
      {"Ethiopia", "Eritrea", {"Badme", "b:Zalambessa", "a:Tigray", "b:Assab", "a:the border town of Humera"}},
      {"South Sudan", "Sudan", {"Abyei", "b:Heglig", "a:Renk", "a:Malakal", "b:South Kordofan", "b:Blue Nile state"}},
  };
  return v;
}

// ------------------------------------------------------------- verb frames

enum Cat : unsigned { VC = 0, VX = 1, MC = 2, MX = 3, MD = 4 };  // verbal/material coop/conflict, mediation
enum : unsigned {
  PASS = 1,    // rest starts with {O}: a passive can be formed
  INF = 2,     // usable as an infinitive complement ("urged X to ...")
  GERF = 4,    // usable as a gerund complement ("accused X of ...")
  TTL = 8,     // usable in headlines
  NEEDC = 16,  // needs a country-like object side ({C})
  SELF = 32,   // object comes from the subject's own side ("ordered troops to")
  VIOL = 64,   // lethal violence
  THIRD = 128, // only with a third party (mediator) as subject
  TOM = 256,   // only with the third party as object
  DUR = 512,   // durative: fits "has been ...ing for weeks"
  NOMED = 1024,  // only for the two sides themselves, never the third party
  NEAR = 2048,   // needs the two sides to be neighbours (ground contact)
  MEDX = 4096,   // material conflict a third party may also resort to (sanctions)
};

struct Verb {
  const char* base;
  const char* past;
  const char* pp;
  const char* ger;
  const char* rest;  // template for what follows the verb
  unsigned subj;     // allowed subject classes
  unsigned obj;      // allowed classes for {O}
  Cat cat;
  unsigned flags;
};

Verb V(const char* base, const char* past, const char* pp, const char* ger, const char* rest,
       unsigned subj, unsigned obj, Cat cat, unsigned flags) {
  return Verb{base, past, pp, ger, rest, subj, obj, cat, flags};
}

const std::vector<Verb>& verbs() {
  constexpr unsigned DPL = ST | LD | DP;
  constexpr unsigned SLI = ST | LD | DP | IO;
  constexpr unsigned SLA = ST | LD | DP | AG;
  constexpr unsigned IG = INF | GERF;
  // Placeholders {I}/{G} take a nested infinitive/gerund phrase whose subject
  // is the object side; {IS}/{GS} keep the subject side. A trailing C, X or M
  // asks for a cooperative, conflictual or material-conflict complement
  // ("urged X to {IC}", "accused X of {GX}"). Other placeholders are
  // expanded in Gen::expand or name a phrase list.
  static const std::vector<Verb> v = {
      // verbal cooperation
      V("urge", "urged", "urged", "urging", "{O} to {IC}", VERBAL, SLA | MI | IO, VC, PASS | GERF | TTL),
      V("call", "called", "called", "calling", "on {O} to {IC}", VERBAL, SLA | MI | IO, VC, GERF | TTL),
      V("appeal", "appealed", "appealed", "appealing", "for {APPEAL}", VERBAL, 0, VC, IG | TTL),
      V("appeal", "appealed", "appealed", "appealing", "to {O} to {IC}", VERBAL, SLI, VC, GERF),
      V("agree", "agreed", "agreed", "agreeing", "to {ISC}", DPL | MI | AG, 0, VC, TTL),
      V("agree", "agreed", "agreed", "agreeing", "to talks with {O}", SLA | MI, SLA, VC, IG | TTL | NOMED),
      V("agree", "agreed", "agreed", "agreeing", "to a prisoner exchange with {O}", SLA | MI, SLA | MI, VC, IG | TTL | NOMED),
      V("pledge", "pledged", "pledged", "pledging", "{MONEY} in {AIDTYPE} to {O}", SLI, ST, VC, IG | TTL | THIRD),
      V("pledge", "pledged", "pledged", "pledging", "to {ISC}", SLI | AG, 0, VC, 0),
      V("meet", "met", "met", "meeting", "with {O} in {CAPX}", SLI, SLI | AG, VC, IG | TTL),
      V("meet", "met", "met", "meeting", "with {O} on the sidelines of {SUMMIT}", SLI, SLI, VC, IG | TTL),
      V("hold", "held", "held", "holding", "talks with {O}", SLI | AG, SLI | AG, VC, IG | TTL | DUR),
      V("hold", "held", "held", "holding", "a phone call with {O} to discuss {TOPIC}", DPL, SLI, VC, IG),
      V("visit", "visited", "visited", "visiting", "{CAPNAME} for talks with {O}", LD | DP | IO, DPL, VC, IG | TTL),
      V("visit", "visited", "visited", "visiting", "{PNT}", LD | IO, 0, VC, IG | TTL),
      V("host", "hosted", "hosted", "hosting", "{O} for talks on {TOPIC}", ST | LD, SLI, VC, IG | TTL),
      V("welcome", "welcomed", "welcomed", "welcoming", "the decision by {O} to {IC}", VERBAL, SLA | MI, VC, TTL),
      V("welcome", "welcomed", "welcomed", "welcoming", "the release of {NUM} {PDEM} prisoners", VERBAL, 0, VC, IG | TTL),
      V("praise", "praised", "praised", "praising", "{O} for {GC}", VERBAL, SLI, VC, PASS),
      V("thank", "thanked", "thanked", "thanking", "{O} for {POSS2} humanitarian assistance", DPL, SLI, VC, PASS | IG | TOM),
      V("send", "sent", "sent", "sending", "a letter to {O} {ABOUT}", VERBAL, SLI, VC, IG | TTL),
      V("propose", "proposed", "proposed", "proposing", "a new round of talks with {O}", VERBAL, SLA, VC, IG | TTL),
      V("propose", "proposed", "proposed", "proposing", "a joint commission with {O} to {PURPOSE}", DPL, DPL, VC, IG),
      V("discuss", "discussed", "discussed", "discussing", "{TOPIC} with {O}", SLI, SLI | AG, VC, IG | DUR),
      V("negotiate", "negotiated", "negotiated", "negotiating", "with {O} over {TOPIC}", SLI | AG, SLA, VC, IG | DUR),
      V("express", "expressed", "expressed", "expressing", "support for {O}", VERBAL, SLI, VC, GERF | THIRD),
      V("express", "expressed", "expressed", "expressing", "concern about {CONCERN}", VERBAL, 0, VC, GERF),
      V("invite", "invited", "invited", "inviting", "{O} to {EVENT}", SLI, DPL, VC, PASS | IG | TTL),
      V("recognize", "recognized", "recognized", "recognizing", "the territorial integrity of {C}", DPL, 0, VC, IG | NEEDC),
      V("apologize", "apologized", "apologized", "apologizing", "to {O} for {INCIDENT}", DPL, DPL, VC, IG),
      V("cooperate", "cooperated", "cooperated", "cooperating", "with {O} on {TOPIC}", SLI | PO, ST | DP | IO | PO, VC, IG | DUR),
      V("resume", "resumed", "resumed", "resuming", "talks with {O}", SLA | IO, SLA, VC, IG | TTL),
      // material cooperation
      V("sign", "signed", "signed", "signing", "a ceasefire agreement with {O}", SLA | MI, ST | AG | MI, MC, IG | TTL | NOMED),
      V("sign", "signed", "signed", "signing", "a memorandum on security cooperation with {O}", DPL, DPL, MC, IG | TTL),
      V("sign", "signed", "signed", "signing", "a trade deal worth {MONEY} with {O}", DPL, ST | LD, MC, IG | TTL),
      V("send", "sent", "sent", "sending", "a delegation to {CAPNAME}", SLI, 0, MC, IG | TTL),
      V("send", "sent", "sent", "sending", "{BIGN} tonnes of humanitarian aid to {PNT}", ST | IO, 0, MC, IG | TTL | THIRD),
      V("withdraw", "withdrew", "withdrawn", "withdrawing", "{POSS} forces from {PN}", ST | LD | AG, 0, MC, IG | TTL | NOMED | NEAR),
      V("withdraw", "withdrew", "withdrawn", "withdrawing", "from {PNT}", MI | AG, 0, MC, IG | TTL | NOMED | NEAR),
      V("withdraw", "withdrew", "withdrawn", "withdrawing", "from the talks with {O}", SLA, ST | AG | DP, VX, IG | TTL),
      V("release", "released", "released", "releasing", "{NUM} {DEM} prisoners", ST | MI | AG | PO, 0, MC, IG | TTL | NOMED),
      V("release", "released", "released", "releasing", "{NUM} prisoners of war", ST | MI | AG, 0, MC, IG | TTL | NOMED),
      V("release", "released", "released", "releasing", "prisoners", ST | MI | AG | PO, 0, MC, IG | TTL | NOMED),
      V("hand", "handed", "handed", "handing", "over the bodies of {FEWN} {DEMSOLD}", ST | MI | AG, 0, MC, IG | NOMED),
      V("exchange", "exchanged", "exchanged", "exchanging", "{NUM} prisoners of war with {O}", ST | MI | AG, ST | MI | AG, MC, IG | TTL | NOMED),
      V("offer", "offered", "offered", "offering", "aid to {O}", SLI, ST, MC, IG | TTL | THIRD),
      V("deploy", "deployed", "deployed", "deploying", "peacekeepers in {PN}", ST | IO, 0, MC, IG | TTL | THIRD),
      V("deploy", "deployed", "deployed", "deploying", "{BIGN} troops along the border with {C}", ST | MI, 0, MX, IG | TTL | NEEDC | NEAR),
      V("deploy", "deployed", "deployed", "deploying", "air defense systems near {SPN}", ST | MI, 0, MX, IG),
      V("provide", "provided", "provided", "providing", "humanitarian assistance to {O}", SLI, ST | CI, MC, IG | THIRD | DUR),
      V("provide", "provided", "provided", "providing", "{O} with weapons and ammunition", ST | LD, ST | MI | AG, MC, PASS | IG | THIRD | DUR),
      V("evacuate", "evacuated", "evacuated", "evacuating", "{BIGN} civilians from {PNT}", ST | MI | IO | PO, 0, MC, IG | TTL),
      V("restore", "restored", "restored", "restoring", "diplomatic relations with {O}", DPL, ST, MC, IG | TTL),
      V("reopen", "reopened", "reopened", "reopening", "the border crossing with {C}", ST | MI | PO, 0, MC, IG | TTL | NEEDC | NOMED | NEAR),
      V("reopen", "reopened", "reopened", "reopening", "{POSS} embassy in {CAPNAME}", ST | DP, 0, MC, IG | NEEDC),
      V("lift", "lifted", "lifted", "lifting", "sanctions on {O}", ST | IO, ST | LD | MI | AG | PO | DP, MC, IG | TTL),
      V("lift", "lifted", "lifted", "lifting", "the blockade of {PN}", ST | MI | AG | CI, 0, MC, IG | TTL | NOMED),
      V("extend", "extended", "extended", "extending", "the ceasefire with {O} by {SMALLN} days", SLA | MI, ST | MI | AG, MC, IG | TTL | NOMED),
      V("investigate", "investigated", "investigated", "investigating", "{INCIDENT}", ST | IO | PO | CI | DP, 0, MC, IG | DUR),
      // verbal conflict
      V("accuse", "accused", "accused", "accusing", "{O} of {GX}", VERBAL, TGT, VX, PASS | TTL),
      V("criticize", "criticized", "criticized", "criticizing", "{O} for {GX}", VERBAL, TGT, VX, PASS | TTL),
      V("criticize", "criticized", "criticized", "criticizing", "{O}", VERBAL, TGT, VX, PASS | IG),
      V("condemn", "condemned", "condemned", "condemning", "{O}", VERBAL, TGT, VX, PASS | INF | TTL),
      V("condemn", "condemned", "condemned", "condemning", "the attack on {O}", VERBAL, MI | PO | CI | ST | DP, VX, IG | TTL),
      V("condemn", "condemned", "condemned", "condemning", "what {PRON} called {QUALNEG} by {O}", VERBAL, TGT, VX, GERF),
      V("blame", "blamed", "blamed", "blaming", "{O} for {INCIDENT}", VERBAL, TGT, VX, PASS | IG | TTL),
      V("reject", "rejected", "rejected", "rejecting", "a proposal by {O} to {IC}", VERBAL, SLA | IO, VX, IG | TTL),
      V("reject", "rejected", "rejected", "rejecting", "accusations by {O} that {CLS}", VERBAL, VERBAL, VX, 0),
      V("reject", "rejected", "rejected", "rejecting", "calls from {O} for {APPEAL}", VERBAL, VERBAL, VX, IG),
      V("deny", "denied", "denied", "denying", "{GSX}", VERBAL, 0, VX, 0),
      V("deny", "denied", "denied", "denying", "any involvement in {INCIDENT}", VERBAL, 0, VX, IG),
      V("threaten", "threatened", "threatened", "threatening", "to {ISX}", VERBAL | MI | AG, 0, VX, GERF | TTL),
      V("threaten", "threatened", "threatened", "threatening", "{O} with {THREAT}", VERBAL, TGT, VX, PASS | IG | TTL),
      V("warn", "warned", "warned", "warning", "{O} against {GX}", VERBAL, TGT, VX, PASS | TTL),
      V("warn", "warned", "warned", "warning", "{O} that {PRON} would {ISM}", VERBAL, TGT, VX, PASS),
      V("warn", "warned", "warned", "warning", "of {WARNOF}", VERBAL, 0, VX, IG | TTL),
      V("protest", "protested", "protested", "protesting", "against {GRIEVANCE}", CI, 0, VX, IG | TTL | DUR),
      V("protest", "protested", "protested", "protesting", "outside the {DEM} embassy in {SCAP}", CI, 0, VX, IG | TTL | DUR | NEEDC),
      V("lodge", "lodged", "lodged", "lodging", "a formal protest with {O} over {INCIDENT}", DPL, ST | DP | IO, VX, IG),
      V("summon", "summoned", "summoned", "summoning", "the {DEM} ambassador to protest {INCIDENT}", ST | FO, 0, VX, IG | TTL | NEEDC),
      V("recall", "recalled", "recalled", "recalling", "{POSS} ambassador to {C}", ST | LD | FO, 0, VX, IG | TTL | NEEDC),
      V("expel", "expelled", "expelled", "expelling", "the ambassador of {C}", ST | FO, 0, VX, IG | TTL | NEEDC),
      V("expel", "expelled", "expelled", "expelling", "{FEWN} {DEM} diplomats", ST | FO, 0, VX, IG | TTL | NEEDC),
      V("cut", "cut", "cut", "cutting", "diplomatic ties with {O}", ST | LD | FO, ST, VX, IG | TTL),
      V("suspend", "suspended", "suspended", "suspending", "talks with {O}", SLA | IO, SLA, VX, IG | TTL),
      V("suspend", "suspended", "suspended", "suspending", "{POSS} participation in {TREATY}", DPL, 0, VX, IG),
      V("suspend", "suspended", "suspended", "suspending", "aid to {O}", ST | IO, ST | AG, VX, IG | TTL | THIRD),
      V("demand", "demanded", "demanded", "demanding", "the release of {NUM} {PDEM} prisoners", VERBAL, 0, VX, IG | TTL),
      V("demand", "demanded", "demanded", "demanding", "an apology from {O}", VERBAL, TGT, VX, IG | TTL),
      V("demand", "demanded", "demanded", "demanding", "that {O} {IC}", VERBAL, SLA | MI | IO, VX, TTL),
      V("refuse", "refused", "refused", "refusing", "to {ISC}", DPL | MI | AG | PO, 0, VX, GERF),
      V("vow", "vowed", "vowed", "vowing", "to {IS}", VERBAL | MI | AG, 0, VX, GERF | TTL),
      V("veto", "vetoed", "vetoed", "vetoing", "a Security Council resolution on {TOPIC}", ST, 0, VX, IG | THIRD),
      V("boycott", "boycotted", "boycotted", "boycotting", "talks with {O}", SLA, DPL | AG, VX, IG | TTL),
      V("file", "filed", "filed", "filing", "a complaint against {O} at the International Court of Justice", ST | DP, ST, VX, IG | TTL),
      V("order", "ordered", "ordered", "ordering", "{O} to {I}", LD | ST, MI | PO, VX, SELF),
      V("sentence", "sentenced", "sentenced", "sentencing", "{FEWN} {DEM} nationals to {YEARS} years in prison on {CRIME} charges", ST | PO, 0, MX, IG | NEEDC),
      // material conflict
      V("block", "blocked", "blocked", "blocking", "the road to {PNT}", CI | MI | PO | AG, 0, MX, IG | TTL | DUR | NEAR),
      V("block", "blocked", "blocked", "blocking", "the main highway between {PN} and {PN2}", CI | MI | PO | AG, 0, MX, IG | TTL | DUR | NEAR),
      V("block", "blocked", "blocked", "blocking", "{O} from entering {SPNT}", MI | PO | ST, CI | IO | MI | DP, MX, PASS | IG | NEAR),
      V("block", "blocked", "blocked", "blocking", "access to {PNT}", CI | MI | PO | AG, 0, MX, IG | TTL | DUR | NEAR),
      V("mobilize", "mobilized", "mobilized", "mobilizing", "{BIGN} reservists", ST | MI | LD, 0, MX, IG | TTL),
      V("mobilize", "mobilized", "mobilized", "mobilizing", "troops near {PN}", ST | MI, 0, MX, IG | TTL | DUR | NEAR),
      V("mobilize", "mobilized", "mobilized", "mobilizing", "thousands of supporters in {SCAP}", CI | LD, 0, VX, IG),
      V("arrest", "arrested", "arrested", "arresting", "{O}", PO | MI | ST, CI, MX, PASS | IG | TTL),
      V("arrest", "arrested", "arrested", "arresting", "{NUM} people suspected of {CRIME}", PO | MI | ST, 0, MX, IG | TTL),
      V("detain", "detained", "detained", "detaining", "{O}", PO | MI | ST, CI | DP, MX, PASS | IG | TTL | DUR),
      V("detain", "detained", "detained", "detaining", "{FEWN} {DEM} nationals near {SPN}", PO | MI | ST, 0, MX, IG | TTL | NEEDC | NEAR),
      V("attack", "attacked", "attacked", "attacking", "{O}", ARMED | CI, MI | PO | CI | AG, MX, PASS | IG | TTL | VIOL | DUR),
      V("attack", "attacked", "attacked", "attacking", "{TARGET} near {PN}", ARMED, 0, MX, IG | TTL | VIOL),
      V("shell", "shelled", "shelled", "shelling", "{PNT}", ARMED, 0, MX, IG | TTL | VIOL | DUR | NEAR),
      V("shell", "shelled", "shelled", "shelling", "{DEM} positions near {PN}", ARMED, 0, MX, IG | TTL | VIOL | DUR | NEAR),
      V("shell", "shelled", "shelled", "shelling", "villages near {PN}", ARMED, 0, MX, IG | TTL | VIOL | DUR | NEAR),
      V("launch", "launched", "launched", "launching", "airstrikes on {PNT}", ST | MI, 0, MX, IG | TTL | VIOL | DUR),
      V("launch", "launched", "launched", "launching", "a drone attack on {TARGET} in {PNT}", ARMED | ST, 0, MX, IG | TTL | VIOL),
      V("launch", "launched", "launched", "launching", "a missile strike on {PNT}", ST | MI | AG, 0, MX, IG | TTL | VIOL),
      V("launch", "launched", "launched", "launching", "an offensive against {O}", ARMED, MI | AG, MX, IG | TTL | VIOL),
      V("launch", "launched", "launched", "launching", "a cyberattack on {DEM} government websites", ST | MI | AG | PO, 0, MX, IG | NEEDC),
      V("strike", "struck", "struck", "striking", "{DEM} positions near {PN}", ARMED | ST, 0, MX, IG | TTL | VIOL | DUR),
      V("strike", "struck", "struck", "striking", "targets in {PNT}", ARMED | ST, 0, MX, IG | TTL | VIOL | DUR),
      V("clash", "clashed", "clashed", "clashing", "with {O}", MI | PO | AG | CI, MI | PO | AG | CI, MX, IG | TTL | VIOL | DUR | NEAR),
      V("clash", "clashed", "clashed", "clashing", "with {O} near {PN}", MI | PO | AG, MI | PO | AG, MX, IG | TTL | VIOL | DUR | NEAR),
      V("kill", "killed", "killed", "killing", "{NV}", ARMED | PO, 0, MX, IG | TTL | VIOL),
      V("kill", "killed", "killed", "killing", "a senior {DEM} commander in {PNT}", ARMED, 0, MX, IG | TTL | VIOL),
      V("wound", "wounded", "wounded", "wounding", "{NV}", ARMED | PO, 0, MX, IG | VIOL),
      V("fire", "fired", "fired", "firing", "rockets at {PN}", ARMED, 0, MX, IG | TTL | VIOL | DUR),
      V("fire", "fired", "fired", "firing", "on {O}", ARMED | PO, MI | PO | CI | AG, MX, IG | TTL | VIOL),
      V("fire", "fired", "fired", "firing", "tear gas at {O}", PO, CI, MX, IG),
      V("fire", "fired", "fired", "firing", "warning shots at {DEM} fishing boats near {PN}", MI, 0, MX, IG | NEEDC),
      V("bomb", "bombed", "bombed", "bombing", "{PNT}", ST | MI, 0, MX, IG | TTL | VIOL | DUR),
      V("bomb", "bombed", "bombed", "bombing", "a hospital in {PNT}", ST | MI, 0, MX, IG | TTL | VIOL),
      V("seize", "seized", "seized", "seizing", "control of {PNT}", ARMED, 0, MX, IG | TTL | NEAR),
      V("seize", "seized", "seized", "seizing", "{A_DEM} cargo ship", ST | MI | AG, 0, MX, IG | TTL | NEEDC),
      V("abduct", "abducted", "abducted", "abducting", "{FEWN} {VICTIM2} in {PNT}", AG | MI, 0, MX, IG | TTL),
      V("violate", "violated", "violated", "violating", "the ceasefire", ARMED | ST, 0, MX, IG | TTL | DUR),
      V("violate", "violated", "violated", "violating", "{DEM} airspace", ST | MI, 0, MX, IG | TTL | NEEDC | DUR),
      V("violate", "violated", "violated", "violating", "the terms of the truce near {PN}", ARMED | ST, 0, MX, IG | NEAR),
      V("occupy", "occupied", "occupied", "occupying", "{PNT}", ARMED, 0, MX, IG | TTL | DUR | NEAR),
      V("occupy", "occupied", "occupied", "occupying", "government buildings in {SPNT}", CI | AG, 0, MX, IG | DUR),
      V("raid", "raided", "raided", "raiding", "homes in {SPNT}", PO | MI, 0, MX, IG | TTL),
      V("raid", "raided", "raided", "raiding", "the offices of {NGO} in {SCAP}", PO, 0, MX, IG),
      V("disperse", "dispersed", "dispersed", "dispersing", "{O}", PO, CI, MX, PASS | IG),
      V("shoot", "shot", "shot", "shooting", "down {NUM} {DEM} drones over {SPN}", MI | ST, 0, MX, IG | TTL),
      V("intercept", "intercepted", "intercepted", "intercepting", "{NUM} missiles fired from {PNT}", MI | ST, 0, MX, IG),
      V("ban", "banned", "banned", "banning", "imports of {GOODS} from {C}", ST, 0, MX, IG | TTL | NEEDC | MEDX),
      V("impose", "imposed", "imposed", "imposing", "sanctions on {O}", ST | IO | LD, ST | LD | MI | AG | PO | DP, MX, IG | TTL | MEDX),
      V("impose", "imposed", "imposed", "imposing", "a curfew in {SPNT}", ST | MI | PO, 0, MX, IG),
      V("cut", "cut", "cut", "cutting", "gas supplies to {O}", ST, ST, MX, IG | TTL | MEDX),
      // mediation by a third party: {O} and {O2} are the two sides
      V("mediate", "mediated", "mediated", "mediating", "talks between {O} and {O2} in {SCAP}", SLI, ST | AG, MD, IG | TTL),
      V("broker", "brokered", "brokered", "brokering", "a ceasefire between {O} and {O2}", SLI, ST | AG, MD, IG | TTL),
      V("host", "hosted", "hosted", "hosting", "talks between {O} and {O2}", ST | LD, ST | AG, MD, IG | TTL),
      V("offer", "offered", "offered", "offering", "to mediate between {O} and {O2}", SLI, ST | AG, MD, GERF | TTL),
      V("facilitate", "facilitated", "facilitated", "facilitating", "a prisoner exchange between {O} and {O2}", SLI, ST | AG, MD, IG),
      V("deploy", "deployed", "deployed", "deploying", "monitors along the border between {C} and {C2}", ST | IO, ANY, MD, IG),
      V("invite", "invited", "invited", "inviting", "the leaders of {C} and {C2} to a summit in {SCAP}", SLI, ANY, MD, IG | TTL),
      V("welcome", "welcomed", "welcomed", "welcoming", "the agreement between {O} and {O2}", VERBAL, ST | AG, MD, IG),
      V("urge", "urged", "urged", "urging", "{OB} to {IREC}", VERBAL, ANY, MD, IG | TTL),
      V("call", "called", "called", "calling", "on {OB} to {IREC}", VERBAL, ANY, MD, IG | TTL),
      V("send", "sent", "sent", "sending", "envoys to {CAPNAME} and {CAPNAME2}", SLI, ANY, MD, IG),
      V("impose", "imposed", "imposed", "imposing", "an arms embargo on {O} and {O2}", ST | IO, ST | AG, MD, IG | TTL),
  };
  return v;
}

// Reciprocal verb phrases for compound subjects ("Armenia and Azerbaijan ...").
struct Recip {
  const char* base;
  const char* past;
  const char* pp;
  const char* rest;
  unsigned cls;   // MI: fits armed subjects, ST: fits diplomatic subjects
  bool threeWay;  // also fits "Russia, Armenia and Azerbaijan"
};

const std::vector<Recip>& recips() {
  static const std::vector<Recip> v = {
      {"hold", "held", "held", "talks in {CAPX}", ST, true},
      {"hold", "held", "held", "a new round of negotiations on {TOPIC}", ST, true},
      {"exchange", "exchanged", "exchanged", "fire along the border", MI, false},
      {"exchange", "exchanged", "exchanged", "artillery fire near {PN}", MI, false},
      {"exchange", "exchanged", "exchanged", "{NUM} prisoners of war", ST | MI, false},
      {"sign", "signed", "signed", "a ceasefire agreement", ST | MI, false},
      {"sign", "signed", "signed", "a framework agreement on {TOPIC}", ST, true},
      {"agree", "agreed", "agreed", "on {TOPIC}", ST, true},
      {"agree", "agreed", "agreed", "to a prisoner swap", ST | MI, false},
      {"clash", "clashed", "clashed", "near {PN}", MI, false},
      {"trade", "traded", "traded", "accusations over {TOPIC}", ST, false},
      {"resume", "resumed", "resumed", "negotiations on {TOPIC}", ST, true},
      {"meet", "met", "met", "on the sidelines of {SUMMIT}", ST, true},
      {"restore", "restored", "restored", "diplomatic ties", ST, false},
      {"blame", "blamed", "blamed", "each other for {INCIDENT}", ST | MI, false},
      {"accuse", "accused", "accused", "each other of violating the ceasefire", ST | MI, false},
      {"pull", "pulled", "pulled", "back troops from the border area", MI, false},
      {"set", "set", "set", "up a joint commission on {TOPIC}", ST, true},
      {"discuss", "discussed", "discussed", "{TOPIC}", ST, true},
      {"reaffirm", "reaffirmed", "reaffirmed", "their commitment to the ceasefire", ST, true},
      {"issue", "issued", "issued", "a joint statement on {TOPIC}", ST, true},
  };
  return v;
}

// Named lists of phrase templates; entries may contain placeholders.
struct PhraseList {
  const char* key;
  std::vector<const char*> items;
};

const std::vector<PhraseList>& phraseLists() {
  static const std::vector<PhraseList> v = {
      {"TOPIC",
       {"the status of {PNT}", "border demarcation", "the exchange of prisoners",
        "the return of displaced people to {PNT}", "the reopening of transport links", "energy supplies",
        "the humanitarian situation in {PNT}", "security guarantees", "the future of {PNT}", "grain exports",
        "water rights along the border", "the fate of missing persons", "a lasting peace agreement",
        "the withdrawal of foreign troops", "the release of detained journalists", "arms control",
        "maritime boundaries", "the delivery of humanitarian aid",
        "trade and customs rules", "the rights of ethnic minorities in {PNT}", "the reconstruction of {PNT}",
        "the demilitarization of {PNT}", "the safe return of refugees"}},
      {"APPEAL",
       {"calm", "restraint", "an immediate ceasefire", "humanitarian access to {PNT}",
        "the release of all detainees", "international support", "an independent investigation into {INCIDENT}",
        "a humanitarian pause in the fighting", "the protection of civilians in {PNT}",
        "dialogue between the two sides", "urgent food aid for {PN}", "an end to the blockade of {PNT}"}},
      {"CONCERN",
       {"the rising number of civilian casualties", "troop movements near {PN}", "the blockade of {PNT}",
        "reports of mass arrests in {PNT}", "the deteriorating humanitarian situation in {PNT}",
        "the safety of nuclear facilities", "the growing risk of a wider regional war",
        "attacks on aid workers", "the fate of refugees fleeing {PN}", "shortages of food and medicine in {PNT}"}},
      {"THREAT",
       {"retaliation", "new sanctions", "military action", "a complete suspension of talks",
        "serious consequences", "the expulsion of its diplomats", "a full trade embargo"}},
      {"WARNOF",
       {"a humanitarian catastrophe in {PNT}", "a new war in the region", "a sharp escalation along the border",
        "famine in parts of {PNT}", "a wave of refugees from {PNT}", "the collapse of the peace process"}},
      {"GRIEVANCE",
       {"the closure of the road to {PNT}", "the government's handling of the crisis",
        "rising food and fuel prices", "the arrest of opposition leaders", "a planned mining project near {PN}",
        "the presence of foreign troops", "the peace deal with {C}", "corruption and electoral fraud",
        "the detention of journalists", "a new law restricting foreign funding of charities"}},
      {"INCIDENT",
       {"the shelling of {PNT}", "the deaths of {NUM} civilians in {PNT}", "the explosion at a checkpoint near {PN}",
        "the collapse of the ceasefire", "the downing of a military helicopter",
        "the attack on a convoy near {PN}", "the killing of {FEWN} border guards", "the sinking of a patrol boat",
        "a drone strike on a market in {PNT}", "the detention of {FEWN} aid workers"}},
      {"CRIME",
       {"espionage", "terrorism", "weapons smuggling", "inciting violence", "illegal border crossing",
        "plotting attacks against security forces", "treason", "sabotage"}},
      {"TARGET",
       {"a military base", "an army convoy", "a checkpoint", "a police station", "a fuel depot",
        "an ammunition depot", "a border post", "a power plant", "a government building", "a bridge",
        "a training camp", "an air base"}},
      {"SUMMIT",
       {"the UN General Assembly in New York", "a NATO summit", "a security conference in Munich",
        "the G20 summit", "an EU summit in Brussels", "an African Union summit in Addis Ababa",
        "a regional summit in Astana"}},
      {"EVENT",
       {"a peace conference in {CAPX}", "a summit in {CAPX}", "talks in {CAPX}",
        "a donor conference in {CAPX}", "the signing ceremony in {CAPX}"}},
      {"QUAL",
       {"a provocation", "unacceptable", "a gross violation of international law", "a step in the right direction",
        "an act of aggression", "long overdue", "a dangerous escalation", "politically motivated",
        "a positive signal", "a serious blow to the peace process", "a war crime"}},
      {"QUALNEG",
       {"a provocation", "a gross violation of international law", "an act of aggression", "a dangerous escalation",
        "a serious blow to the peace process", "a war crime", "a flagrant breach of the ceasefire",
        "a campaign of intimidation"}},
      {"ACCQ",
       {"baseless", "absurd", "a fabrication", "politically motivated", "part of a disinformation campaign",
        "completely unfounded"}},
      {"NGO",
       {"a local human rights group", "an opposition newspaper", "a foreign-funded charity",
        "an independent television channel", "a lawyers' association"}},
      {"QUALQ",
       {"extremely dangerous", "unacceptable", "a humanitarian catastrophe", "a turning point",
        "absolutely unjustified", "a cynical provocation", "a historic opportunity"}},
      {"AIDTYPE",
       {"humanitarian aid", "military assistance", "reconstruction funding", "emergency food aid",
        "budget support"}},
      {"PURPOSE",
       {"investigate ceasefire violations", "oversee the exchange of prisoners", "demarcate the border",
        "coordinate humanitarian deliveries", "monitor the withdrawal of heavy weapons"}},
      {"TREATY",
       {"the arms control treaty", "the grain deal", "the 2020 ceasefire agreement", "the nuclear accord",
        "the peace process", "the joint monitoring mission", "the regional security pact"}},
      {"REASON",
       {"security concerns", "repeated violations of the ceasefire", "the humanitarian situation in {PNT}",
        "a lack of progress in the negotiations", "intelligence reports of an imminent attack",
        "the deaths of {NUM} civilians", "threats against its diplomats", "the need to protect civilians in {PNT}",
        "the results of an internal investigation"}},
      {"CONTEXT",
       {"amid rising tensions over {TOPIC}", "amid a deepening economic crisis",
        "amid reports of troop movements near {PN}", "amid growing international pressure",
        "amid renewed fighting near {PN}", "amid stalled negotiations over {TOPIC}",
        "as diplomats scrambled to prevent a wider conflict"}},
      {"OBSTACLE",
       {"international calls for restraint", "a ceasefire brokered earlier in the year",
        "warnings from the international community",
        "repeated denials from {C}", "heavy rain and poor visibility", "the start of the holiday season"}},
      {"SRC",
       {"local officials", "state media", "a military spokesman", "security sources", "medical sources in {PNT}",
        "witnesses", "human rights groups", "the state news agency", "a government statement",
        "residents reached by telephone", "the {ADJP} defense ministry", "a senior {ADJP} official",
        "the local governor", "aid agencies working in {PNT}", "two people familiar with the matter"}},
      {"ABOUT",
       {"about {TOPIC}", "calling for {APPEAL}", "outlining proposals on {TOPIC}",
        "requesting an emergency meeting of the Security Council", "protesting {INCIDENT}"}},
      {"GOODS", {"wine", "grain", "fruit and vegetables", "steel", "fish", "cement", "mineral water"}},
      {"VICTIM2", {"aid workers", "villagers", "students", "foreign nationals", "truck drivers", "fishermen"}},
      {"DAMAGE",
       {"several homes", "a school", "power lines", "a water pumping station", "a mosque", "a church",
        "the main hospital", "a grain warehouse", "a bridge over the river"}},
      {"ATTACKN", {"attack", "shelling", "airstrike", "drone strike", "rocket attack", "bombardment"}},
      {"ATTACKON", {"attack on", "shelling of", "airstrike on", "drone strike on", "rocket attack on", "bombing of"}},
      {"STATIC",
       {"the ceasefire was no longer holding", "the situation in {PNT} remained tense",
        "negotiations had stalled over {TOPIC}", "the humanitarian situation in {PNT} was deteriorating",
        "the road to {PNT} remained closed", "there could be no military solution to the conflict",
        "the talks had reached a critical stage"}},
      {"INFFIX",
       {"respect the ceasefire", "show restraint", "return to the negotiating table",
        "allow humanitarian access to {PNT}", "refrain from further escalation", "resume dialogue with {O}",
        "stop attacks on civilians in {PNT}", "halt {POSS} military operations in {PNT}",
        "release all detained civilians", "engage in good-faith negotiations with {O}",
        "pull {POSS} forces back from the border", "open a humanitarian corridor to {PNT}"}},
      {"INFFIXX",
       {"retaliate against {O}", "step up attacks on {PN}", "close the border with {C}",
        "take military action against {O}", "end all cooperation with {O}", "launch a new offensive near {PN}",
        "expel {DEM} diplomats", "cut off energy supplies to {C}"}},
      {"GERFIXC",
       {"showing restraint", "facilitating the release of prisoners", "keeping the border crossings open",
        "allowing aid convoys into {PNT}", "honoring the ceasefire", "returning to the negotiating table",
        "helping to evacuate civilians from {PNT}"}},
      {"GERFIX",
       {"spreading disinformation about {TOPIC}", "undermining the peace process",
        "stoking tensions along the border", "supporting armed groups in {PNT}", "stalling the negotiations",
        "using civilians as human shields", "preparing a new offensive near {PN}",
        "violating the ceasefire agreement", "interfering in the internal affairs of {C}",
        "blocking humanitarian deliveries to {PNT}", "targeting civilian infrastructure in {PNT}",
        "provoking incidents along the border"}},
      {"IREC",
       {"resume peace talks", "respect the ceasefire", "exchange all remaining prisoners",
        "show maximum restraint", "return to the negotiating table",
        "pull back their forces from the line of contact", "settle their differences through dialogue",
        "reopen the border crossings", "reach a deal on {TOPIC}", "implement the agreements reached in {CAPX}"}},
      {"PROTGER",
       {"blocking the road to {PNT}", "protesting against {GRIEVANCE}", "demanding the release of detained activists",
        "marching toward the parliament building", "camping outside the {DEM} embassy",
        "trying to cross the border near {PN}", "gathering in the central square of {SCAP}",
        "throwing stones at security forces", "staging a sit-in near {PN}"}},
      {"UNTIL",
       {"the ceasefire is fully respected", "all prisoners have been released", "the blockade of {PNT} is lifted",
        "it receives a formal request from the government", "talks on {TOPIC} resume",
        "foreign troops leave {PN}"}},
      {"RELINST",
       {"{HAS} repeatedly denied any involvement", "{HAS} rejected the accusations",
        "{WAS} not a party to the agreement", "{HAS} called for an international investigation",
        "{HAS} struggled to contain the unrest", "{HAS} been under pressure to make concessions",
        "{HAS} long accused {C} of bad faith"}},
      {"RELMED",
       {"{HAS} deployed peacekeepers in {PNT} since {SINCEY}", "{HAS} long backed {C}",
        "{BE} a major supplier of weapons to {C}", "hosted the last round of talks in {MONTH}",
        "{HAS} close ties to both sides", "{HAS} offered to mediate in the past"}},
      {"RELPERS",
       {"who took office in {SINCEY}", "who visited {CAPX} last week", "who has led the country since {SINCEY}",
        "who is on a three-day tour of the region", "who faces growing criticism at home",
        "who met {ON} in {MONTH}", "who has staked much of his political standing on the talks"}},
      {"RELGRP",
       {"who have been deployed near {PN} since {SINCEY}", "who arrived in the area last week",
        "who have controlled {PN} for months", "who say they are acting in self-defense",
        "who were already under international sanctions"}},
      {"RELPL",
       {"who spoke on condition of anonymity", "who arrived in {CAPX} on {WEEKDAY}",
        "who have been involved in the talks since {SINCEY}", "who were not authorized to speak publicly",
        "who had traveled to the region earlier in the week"}},
      {"RELOBJ",
       {"has controlled {PN} since {SINCE}", "has repeatedly denied the charges",
        "has rejected international mediation", "hosts thousands of refugees from {PNT}",
        "has not commented on the allegations"}},
      {"QUOTE",
       {"we are ready to sign a peace agreement with {OC} as soon as possible",
        "{OC} must stop its provocations along the border", "there is no military solution to this conflict",
        "this is a blatant violation of international law, and it will not go unanswered",
        "our position has not changed", "we will defend our territory with every means available",
        "the international community cannot remain silent while civilians in {PNT} are dying",
        "the door to dialogue remains open", "we have seen no evidence that {OC} is serious about peace",
        "aid workers must be given safe and unhindered access to {PNT}",
        "nobody wants a new war, but we are prepared for any scenario",
        "these accusations are absurd and have nothing to do with reality",
        "the situation in {PNT} is catastrophic", "we call on all parties to exercise maximum restraint",
        "any attack on our citizens will receive a firm response",
        "we expect our partners to keep the promises they made in {CAPX}"}},
  };
  return v;
}

const std::vector<const char*>& listFor(std::string_view key) {
  for (const auto& pl : phraseLists())
    if (key == pl.key) return pl.items;
  std::fprintf(stderr, "corpus_gen: internal error: unknown list %.*s\n", static_cast<int>(key.size()),
               key.data());
  std::exit(2);
}

// Background sentences with no political event (about 20% of the text).
const std::vector<const char*>& fillers() {
  static const std::vector<const char*> v = {
      "The {FCUR} has lost roughly {PCT} percent of its value against {VS} since the start of {YEAR}, and economists expect inflation to stay in double digits for the rest of the year.",
      "Temperatures in {FCAP} are forecast to climb above {TEMP} degrees Celsius later this week, and the weather service has advised residents to stay indoors during the hottest hours of the afternoon.",
      "{FCAP}, a city of roughly {POP} million people, sits on an old trade route, and its covered markets have long drawn merchants from across the wider region.",
      "Heavy rain in the hills north of {PN} washed away parts of a rural road over the weekend, and travelers have been told to expect delays of several hours on the main routes.",
      "The region is home to a mix of ethnic and religious communities, many of whom trace their roots in the valleys back several centuries.",
      "Oil prices edged higher on {WEEKDAY}, with Brent crude trading at about {OILP} dollars a barrel in London as traders weighed supply worries against a weak demand outlook.",
      "{FCP} economy grew by {PCTD} percent last year, driven largely by construction, money sent home by workers abroad, and a gradual recovery in tourism.",
      "Wheat and barley harvests in the south of the country are expected to fall below the five-year average this season after an unusually dry and windy spring.",
      "Snow closed a number of mountain passes in the north over the weekend, and schools in several districts are expected to stay shut until the roads are cleared.",
      "Tourism has slowly returned to {FCAP} in recent years, with small hotels, cafes, and guesthouses opening along the main road that leads into the old town.",
      "The population of {FC} is estimated at around {POP2} million, and more than half of its residents are under the age of {AGE}, according to the most recent census.",
      "Power cuts of up to {HRS} hours a day have become common in {FCAP} during the summer months, when demand for air conditioning reaches its annual peak.",
      "The talks are expected to continue for at least two more days, and no joint statement is planned until the final session has ended late in the week.",
      "Local markets in {PN} were busy on {WEEKDAY} morning as families bought bread, fruit, and sweets ahead of a long holiday weekend.",
      "Analysts say the outcome of next year's election is difficult to predict, with recent opinion polls showing an unusually large number of undecided voters in the cities.",
      "The river that runs through {PN} has fallen to its lowest level in more than {YRS} years, the result of a long drought that has affected much of the surrounding region.",
      "Prices for bread, cooking oil, and fuel have risen sharply over the past {MONTHS} months, putting heavy pressure on household budgets in both cities and villages.",
      "It was not immediately possible to verify the information independently, because access to the area has been restricted for foreign journalists for several months.",
      "The old quarter of {FCAP}, known for its narrow lanes and stone houses, was once a popular stop for traders moving goods between the coast and the interior.",
      "Mobile phone and internet services in parts of {PN} have been patchy for weeks, which has made it hard for relatives abroad to reach family members.",
      "The winter in the highlands is long and harsh, and many villages are cut off for weeks at a time when heavy snow blocks the only access road.",
      "Exports of copper, gold, and farm produce account for most of the country's foreign earnings, according to figures published by the national statistics office in {MONTH}.",
      "Inflation in {FC} slowed to {PCT} percent in {MONTH}, the lowest annual rate in more than a year, according to data released by the central bank on {WEEKDAY}.",
      "Shops in the center of {FCAP} stayed open late on {WEEKDAY} as shoppers prepared for the start of the school year, and traffic on the main avenues slowed to a crawl.",
      "Construction of a new highway linking {FCAP} with the northern provinces began in {YEAR} and is scheduled to be completed within the next four years.",
      "Forecasters expect the rainy season to start later than usual this year, which could delay the planting of maize and sorghum in several provinces.",
      "The stadium in {FCAP}, which holds about {SEATS} spectators, was renovated in {YEARP} and is now used mainly for football matches and music festivals.",
      "About {PCT} percent of the country's electricity comes from hydropower, which makes the grid vulnerable to long dry spells like the one recorded last summer.",
      "The main university in {FCAP} reopened its doors in September with more than {SEATS} students enrolled, many of them in engineering and medicine.",
      "A thick layer of smog settled over {FCAP} on {WEEKDAY}, and doctors advised elderly people and young children to avoid spending time outdoors.",
      "Fishing remains an important source of income for coastal communities, although catches have declined steadily over the past decade.",
      "The national carrier plans to add three new routes from {FCAP} next spring, including direct flights to several cities in the Gulf and in Europe.",
      "Many young people from rural districts move to {FCAP} in search of work, and the city's population has roughly doubled over the last two decades.",
      "Neither side has published full details of the proposals, and much of what is known about the negotiations comes from statements made after each round.",
      "The dispute over the area dates back several decades, and maps drawn by different governments over the years often disagree on where the boundary lies.",
  };
  return v;
}

// ------------------------------------------------------------------ helpers

struct Side {
  int c = -1;                  // country index
  int o = -1;                  // organisation index
  int pc = -1;                 // country supplying places when c < 0
  const char* seat = nullptr;  // where an organisation-only side is based
};
bool sameSide(const Side& a, const Side& b) { return a.c == b.c && a.o == b.o; }

int countryIndex(std::string_view name) {
  const auto& cs = countries();
  for (std::size_t i = 0; i < cs.size(); ++i)
    if (name == cs[i].name) return static_cast<int>(i);
  std::fprintf(stderr, "corpus_gen: internal error: unknown country %.*s\n", static_cast<int>(name.size()),
               name.data());
  std::exit(2);
}

int orgIndex(std::string_view name) {
  const auto& os = orgs();
  for (std::size_t i = 0; i < os.size(); ++i)
    if (name == os[i].name) return static_cast<int>(i);
  std::fprintf(stderr, "corpus_gen: internal error: unknown organisation %.*s\n",
               static_cast<int>(name.size()), name.data());
  std::exit(2);
}

Side parseSide(std::string_view s) {
  Side sd;
  if (!s.empty() && s[0] == '@') {
    s.remove_prefix(1);
    const std::size_t slash = s.find('/');
    sd.o = orgIndex(s.substr(0, slash));
    sd.seat = orgs()[static_cast<std::size_t>(sd.o)].seat;
    if (slash != std::string_view::npos) {
      sd.pc = countryIndex(s.substr(slash + 1));
      sd.seat = countries()[static_cast<std::size_t>(sd.pc)].places[0];
    } else if (orgs()[static_cast<std::size_t>(sd.o)].home) {
      sd.pc = countryIndex(orgs()[static_cast<std::size_t>(sd.o)].home);
    }
  } else {
    const std::size_t plus = s.find('+');
    sd.c = countryIndex(s.substr(0, plus));
    sd.pc = sd.c;
    if (plus != std::string_view::npos) sd.o = orgIndex(s.substr(plus + 1));
  }
  return sd;
}

std::string possessive(std::string_view name) {
  std::string s(name);
  if (!s.empty() && s.back() == 's')
    s += '\'';
  else
    s += "'s";
  return s;
}

const char* lastWord(const char* s) {
  const char* sp = std::strrchr(s, ' ');
  return sp ? sp + 1 : s;
}

// "a" or "an" before a word, by its (approximate) initial sound.
const char* article(std::string_view w) {
  if (w.empty()) return "a";
  const char c0 = w[0];
  const bool upper = c0 >= 'A' && c0 <= 'Z';
  if (upper && w.size() >= 2) {
    const char c1 = w[1];
    if ((c1 >= 'A' && c1 <= 'Z') || (c1 >= '0' && c1 <= '9') || c1 == '.')  // initialism
      return std::strchr("AEFHILMNORSX", c0) ? "an" : "a";
  }
  if (c0 == 'U' || c0 == 'u') return "a";
  if ((c0 == 'E' || c0 == 'e') && w.size() >= 2 && w[1] == 'u') return "a";
  return std::strchr("AEIOaeio", c0) ? "an" : "a";
}

std::string thousands(long long n) {
  std::string d = std::to_string(n);
  std::string out;
  const int len = static_cast<int>(d.size());
  for (int i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out += ',';
    out += d[static_cast<std::size_t>(i)];
  }
  return out;
}

const char* const kNumWords[] = {"zero", "one", "two",   "three",  "four",  "five",
                                 "six",  "seven", "eight", "nine", "ten"};
const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kMonthsAP[] = {"Jan.", "Feb.", "March", "April", "May",  "June",
                                 "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec."};

void capitalizeFirst(std::string& s, std::size_t from = 0) {
  for (std::size_t i = from; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= 'a' && c <= 'z') {
      s[i] = static_cast<char>(c - 'a' + 'A');
      return;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return;
  }
}

void jsonEscape(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
}

// Concatenates its parts. Used instead of operator+ wherever two or more
// parts draw random numbers: the operands of + are unsequenced in C++, so
// compilers may evaluate them in different orders (GCC and Clang do), while
// the elements of a braced list are evaluated strictly left to right. This
// keeps the output byte-identical across compilers and standard libraries.
std::string J(std::initializer_list<std::string_view> parts) {
  std::size_t n = 0;
  for (const auto p : parts) n += p.size();
  std::string s;
  s.reserve(n);
  for (const auto p : parts) s += p;
  return s;
}

std::uint64_t countWords(std::string_view s) {
  std::uint64_t n = 0;
  bool in = false;
  for (const char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

// ---------------------------------------------------------------- generator

enum Role { SUBJ, OBJ, END };  // END: last words of the sentence
enum Form { BASE, PAST, PP, GER, S3 };

struct Actor {
  std::string text;
  bool plural = false;
  int kind = 0;  // 0 institution or state, 1 person, 2 group of people
  unsigned cls = ST;
  std::string back;  // phrase for a later back-reference
};

struct Frame {
  Side s, o, x;  // subject side, object side, side used as object of nested clauses
  unsigned omask = TGT;
  bool splural = false;
  const char* spron = "it";
  const char* sposs = "its";
  unsigned scls = 0;  // class of the rendered subject actor, 0 if none
};

struct Pair {
  Side a, b;
  std::vector<Side> med;
  const std::vector<const char*>* places = nullptr;  // dyad-specific places, if any
  bool distant = false;
};

// A place entry of a dyad list: side tag (0 shared, 1 first side, 2 second).
struct TaggedPlace {
  const char* name;
  int side;
};

// What a verb template contains: an {O} slot, nested clauses, a second
// country slot, a place.
enum : unsigned { U_O = 1, U_NEST = 2, U_C2 = 8, U_PLACE = 16 };

class Gen {
 public:
  Gen(std::uint64_t seed, int sentencesPerReport) : r_(seed), spr_(sentencesPerReport) {
    for (const auto& pd : pairDefs()) {
      Pair p;
      p.a = parseSide(pd.a);
      p.b = parseSide(pd.b);
      for (const char* m : pd.med) p.med.push_back(parseSide(m));
      p.distant = distantPair(pd.a, pd.b);
      for (const auto& pp : pairPlaces())
        if (std::strcmp(pp.a, pd.a) == 0 && std::strcmp(pp.b, pd.b) == 0) p.places = &pp.places;
      pairs_.push_back(std::move(p));
    }
    for (const auto& pp : pairPlaces()) {
      bool found = false;
      for (const auto& pd : pairDefs())
        found = found || (std::strcmp(pp.a, pd.a) == 0 && std::strcmp(pp.b, pd.b) == 0);
      if (!found) {
        std::fprintf(stderr, "corpus_gen: internal error: place list for unknown pair %s / %s\n", pp.a, pp.b);
        std::exit(2);
      }
    }
    for (std::size_t i = 0; i < orgs().size(); ++i)
      if (orgs()[i].cls & IO) ioOrgs_.push_back(static_cast<int>(i));
    const auto& vs = verbs();
    for (std::size_t i = 0; i < vs.size(); ++i) {
      const std::string_view rest = vs[i].rest;
      unsigned u = 0;
      if (rest.find("{O}") != std::string_view::npos) u |= U_O;
      for (const char* nest : {"{I", "{G", "{CLS}"})
        if (rest.find(nest) != std::string_view::npos) u |= U_NEST;
      for (const char* pl : {"PN}", "PNT}", "border", "{CAPNAME}", "{SCAP}", "{CAPX}", "{O2}", "{SUMMIT}", "{EVENT}",
                             "{INCIDENT}"})
        if (rest.find(pl) != std::string_view::npos) u |= U_PLACE;
      if (rest.find("{C2}") != std::string_view::npos) u |= U_C2;
      vinfo_.push_back(u);
      byCat_[vs[i].cat].push_back(i);
    }
  }

  void writeReport(std::string& out, std::uint64_t n) {
    newReport();
    const std::string title = makeTitle();
    std::string text;
    for (int i = 0; i < spr_; ++i) {
      sidx_ = i;
      const std::string s = sentence();
      if (i) text += ' ';
      text += s;
      ++sentences;
      words += countWords(s);
    }
    char head[96];
    std::snprintf(head, sizeof head, "{\"id\":\"bench-%06llu\",\"date\":\"%04d-%02u-%02u\",",
                  static_cast<unsigned long long>(n), year_, month_, day_);
    out += head;
    out += "\"source\":\"dyad-bench\",\"title\":\"";
    jsonEscape(out, title);
    out += "\",\"text\":\"";
    jsonEscape(out, text);
    out += "\"}\n";
  }

  std::uint64_t sentences = 0;
  std::uint64_t words = 0;

 private:
  Rng r_;
  int spr_;
  std::vector<Pair> pairs_;
  std::vector<int> ioOrgs_;
  std::vector<unsigned> vinfo_;
  std::vector<std::size_t> byCat_[5];

  // per-report state
  Side A_, B_, M_;
  Side pickedB_;
  std::vector<int> allies_;
  std::vector<const char*> places_;
  int year_ = 2000;
  unsigned month_ = 1, day_ = 1;
  std::vector<const Person*> mentioned_;
  Actor last_;
  Side lastSide_;
  bool haveLast_ = false;
  int sidx_ = 0;
  bool shortNames_ = false;
  const char* curBase_ = nullptr;  // head verb being rendered
  bool clauseTimed_ = false;
  std::string avoidSubj_;  // speaker of the current sentence; repeated as a pronoun
  std::vector<std::size_t> usedFillers_;
  bool hardline_ = false;  // one side is a jihadist group: little diplomacy
  bool distant_ = false;   // the two sides share no land border
  const std::vector<const char*>* fixedPlaces_ = nullptr;
  std::vector<TaggedPlace> tagged_;  // places_ with side tags
  bool compoundOK_ = false;
  Actor lastObj_;

  // ------------------------------------------------------------ report setup

  void newReport() {
    using namespace std::chrono;
    const int offset = static_cast<int>(r_.below(8766));  // 2000-01-01 .. 2023-12-31
    const year_month_day ymd{sys_days{year{2000} / January / 1} + days{offset}};
    year_ = static_cast<int>(ymd.year());
    month_ = static_cast<unsigned>(ymd.month());
    day_ = static_cast<unsigned>(ymd.day());

    const int nc = static_cast<int>(countries().size());
    fixedPlaces_ = nullptr;
    distant_ = true;
    if (r_.pct(8)) {  // an arbitrary dyad
      A_ = Side{};
      A_.c = A_.pc = r_.range(0, nc - 1);
      B_ = Side{};
      do B_.c = r_.range(0, nc - 1);
      while (B_.c == A_.c);
      B_.pc = B_.c;
      M_ = Side{};
      if (r_.pct(60)) {
        M_.o = ioOrgs_[static_cast<std::size_t>(r_.below(ioOrgs_.size()))];
      } else {
        do M_.c = r_.range(0, nc - 1);
        while (M_.c == A_.c || M_.c == B_.c);
        M_.pc = M_.c;
      }
    } else {
      const Pair& p = r_.pick(pairs_);
      fixedPlaces_ = p.places;
      distant_ = p.distant;
      A_ = p.a;
      B_ = p.b;
      pickedB_ = p.b;
      if (r_.pct(50)) std::swap(A_, B_);
      M_ = r_.pick(p.med);
    }
    allies_.clear();
    if (M_.c >= 0) allies_.push_back(M_.c);
    static const std::vector<int> powers = [] {
      std::vector<int> v;
      for (const char* n : {"the United States", "Russia", "China", "France", "Germany", "Britain", "Turkey",
                            "Egypt", "Saudi Arabia", "Qatar", "Iran", "India", "Japan", "Brazil"})
        v.push_back(countryIndex(n));
      return v;
    }();
    while (allies_.size() < 4) {
      const int c = r_.pick(powers);
      bool clash = c == A_.c || c == B_.c || c == A_.pc || c == B_.pc;
      for (int a : allies_) clash = clash || a == c;
      if (!clash) allies_.push_back(c);
    }
    places_.clear();
    tagged_.clear();
    if (fixedPlaces_) {
      bool swapped = sameSide(A_, pickedB_);  // the sides were swapped after picking the pair
      for (const char* pl : *fixedPlaces_) {
        int tag = 0;
        if ((pl[0] == 'a' || pl[0] == 'b') && pl[1] == ':') {
          tag = pl[0] == 'a' ? 1 : 2;
          if (swapped) tag = 3 - tag;
          pl += 2;
        }
        tagged_.push_back({pl, tag});
        places_.push_back(pl);
      }
    }
    for (const Side* s : {&A_, &B_}) {
      if (fixedPlaces_) break;
      if (s->pc < 0) continue;
      for (const char* pl : countries()[static_cast<std::size_t>(s->pc)].places) {
        bool dup = false;
        for (const char* q : places_) dup = dup || std::strcmp(q, pl) == 0;
        if (!dup) places_.push_back(pl);
      }
    }
    if (places_.empty()) places_.push_back("the border area");
    mentioned_.clear();
    usedFillers_.clear();
    haveLast_ = false;
    hardline_ = false;
    for (const Side* sd : {&A_, &B_})
      if (sd->c < 0 && sd->o >= 0)
        for (const char* h : {"the Islamic State group", "al-Shabaab", "Boko Haram"})
          hardline_ = hardline_ || std::strcmp(orgs()[static_cast<std::size_t>(sd->o)].name, h) == 0;
  }

  // ---------------------------------------------------------- side helpers

  const Country* ctry(const Side& s) const {
    return s.c >= 0 ? &countries()[static_cast<std::size_t>(s.c)] : nullptr;
  }
  const Org* org(const Side& s) const { return s.o >= 0 ? &orgs()[static_cast<std::size_t>(s.o)] : nullptr; }
  const char* sName(const Side& s) const { return s.c >= 0 ? ctry(s)->name : org(s)->name; }
  const char* sAdj(const Side& s) const { return s.c >= 0 ? ctry(s)->adj : org(s)->prefix; }
  const char* sCap(const Side& s) const {
    return s.c >= 0 ? ctry(s)->capital : s.seat ? s.seat : org(s)->seat;
  }
  unsigned sideClasses(const Side& s) const {
    unsigned m = 0;
    if (const Country* c = ctry(s)) {
      m |= ST | MI | PO | CI | SP | DP | FO;
      for (const auto& p : c->people) m |= personCls(p);
      if (c->rebels) m |= AG;
    }
    if (const Org* o = org(s)) {
      m |= o->cls;
      for (const auto& a : o->agents) m |= a.cls;
      for (const auto& p : o->people) m |= personCls(p);
    }
    return m;
  }
  bool permanentMember(const Side& s) const {
    if (s.c < 0) return false;
    for (const char* p : {"the United States", "Russia", "China", "Britain", "France"})
      if (std::strcmp(ctry(s)->name, p) == 0) return true;
    return false;
  }
  Side otherSide(const Side& s) {
    if (sameSide(s, A_)) return B_;
    if (sameSide(s, B_)) return A_;
    return r_.pct(50) ? A_ : B_;
  }

  Frame pairFrame() {
    Frame f;
    if (r_.pct(50)) {
      f.s = A_;
      f.o = B_;
    } else {
      f.s = B_;
      f.o = A_;
    }
    f.x = f.s;
    setSubjSide(f);
    return f;
  }
  Frame medFrame() {
    Frame f;
    f.s = M_;
    const bool ab = r_.pct(50);
    f.o = ab ? A_ : B_;
    f.x = ab ? B_ : A_;
    setSubjSide(f);
    return f;
  }
  // One of the two sides addressing the third party ("Armenia urged France to ...").
  Frame toMedFrame() {
    Frame f;
    const bool ab = r_.pct(50);
    f.s = ab ? A_ : B_;
    f.o = M_;
    f.x = ab ? B_ : A_;
    setSubjSide(f);
    return f;
  }
  static void setSubjSide(Frame& f) {
    const bool pl = f.s.c < 0 && f.s.o >= 0 && orgs()[static_cast<std::size_t>(f.s.o)].plural;
    f.splural = pl;
    f.spron = pl ? "they" : "it";
    f.sposs = pl ? "their" : "its";
  }
  static void setSubj(Frame& f, const Actor& a) {
    f.splural = a.plural;
    f.scls = a.cls;
    if (a.kind == 1) {
      const bool fem = a.back == "she";
      f.spron = fem ? "she" : "he";
      f.sposs = fem ? "her" : "his";
    } else if (a.plural) {
      f.spron = "they";
      f.sposs = "their";
    } else {
      f.spron = "it";
      f.sposs = "its";
    }
  }
  void remember(const Actor& a, const Side& s) {
    if (a.back.empty()) return;
    last_ = a;
    lastSide_ = s;
    haveLast_ = true;
  }

  // ---------------------------------------------------------------- actors

  bool mentioned(const Person* p) const {
    for (const Person* q : mentioned_)
      if (q == p) return true;
    return false;
  }

  std::string refOf(const Person& p) const {
    if (p.ref[0]) return p.ref;
    const std::string_view t = p.title;
    if (t == "Gen." || t == "Col." || t == "Capt.") return std::string(p.title) + " " + lastWord(p.name);
    return std::string((p.flags & FEM) ? "Ms. " : "Mr. ") + lastWord(p.name);
  }

  std::string personText(const Person& p, const char* adj, const std::string& poss, const char* owner,
                         Role role) {
    if (mentioned(&p)) {
      if (r_.pct(60)) return refOf(p);
    } else {
      mentioned_.push_back(&p);
    }
    const bool titled = p.title[0] != 0;
    const bool noadj = (p.flags & NOADJ) != 0;
    const bool app = role != OBJ;
    const bool longRole = std::strstr(p.role, " of ") != nullptr;
    const int w0 = titled ? 30 : 0;
    const int w1 = (titled && !noadj) ? 25 : 0;
    const int w2 = (!titled && !longRole) ? 30 : 0;
    const int w3 = app ? 12 : 0;
    const int w4 = (app && !noadj) ? 8 : 0;
    const int w5 = (app && !noadj) ? 8 : 0;
    const int w6 = (app && !noadj && !longRole) ? 5 : 0;
    if (w0 + w1 + w2 + w3 + w4 + w5 + w6 == 0) return p.name;
    const std::size_t k = r_.weighted({w0, w1, w2, w3, w4, w5, w6});
    std::string s;
    switch (k) {
      case 0: s = std::string(p.title) + " " + p.name; break;
      case 1: s = std::string(adj) + " " + p.title + " " + p.name; break;
      case 2: s = noadj ? std::string(p.role) + " " + p.name : std::string(adj) + " " + p.role + " " + p.name; break;
      case 3: s = std::string(p.name) + ", the " + (noadj ? "" : std::string(adj) + " ") + p.role; break;
      case 4: s = std::string(p.name) + ", " + poss + " " + p.role; break;
      case 5: s = poss + " " + p.role + ", " + p.name; break;
      default: s = std::string(p.name) + ", the " + p.role + " of " + owner; break;
    }
    if (role == SUBJ && k >= 3) s += ',';
    return s;
  }

  // Picks one agent of the list compatible with mask; nullptr if none.
  bool agentOK(const Agent& a, unsigned mask, bool rebels) const {
    return (a.cls & mask) && (a.cls != AG || rebels) && !(distant_ && std::strncmp(a.text, "border", 6) == 0);
  }
  const Agent* pickAgent(const std::vector<Agent>& list, unsigned mask, bool rebels) {
    std::size_t n = 0;
    for (const auto& a : list)
      if (agentOK(a, mask, rebels)) ++n;
    if (n == 0) return nullptr;
    std::size_t k = static_cast<std::size_t>(r_.below(n));
    for (const auto& a : list)
      if (agentOK(a, mask, rebels)) {
        if (k == 0) return &a;
        --k;
      }
    return nullptr;
  }
  bool hasAgent(const std::vector<Agent>& list, unsigned mask, bool rebels) const {
    for (const auto& a : list)
      if (agentOK(a, mask, rebels)) return true;
    return false;
  }

  int allyOtherThan(int a, int b) {
    for (int tries = 0; tries < 20; ++tries) {
      const int c = allies_[static_cast<std::size_t>(r_.below(allies_.size()))];
      if (c != a && c != b) return c;
    }
    return allies_[0] != a ? allies_[0] : allies_[1];
  }

  Actor compound(const Side& sd, unsigned mask) {
    const int c0 = sd.c;
    const int a1 = allyOtherThan(c0, -1);
    const int a2 = allyOtherThan(c0, a1);
    const auto& cs = countries();
    auto nm = [&](int i) { return std::string(cs[static_cast<std::size_t>(i)].name); };
    auto ad = [&](int i) { return std::string(cs[static_cast<std::size_t>(i)].adj); };
    int order[3] = {c0, a1, a2};
    const int rot = static_cast<int>(r_.below(3));
    std::rotate(order, order + rot, order + 3);
    Actor a;
    a.plural = true;
    a.kind = 2;
    a.cls = ST | LD;
    a.back = "they";
    const std::size_t k = r_.weighted({40, 15, 10, (mask & ST) ? 15 : 0, 20});
    switch (k) {
      case 0: a.text = nm(order[0]) + " and " + nm(order[1]); break;
      case 1: a.text = nm(order[0]) + ", " + nm(order[1]) + " and " + nm(order[2]); break;
      case 2: a.text = nm(order[0]) + ", " + nm(order[1]) + ", and " + nm(order[2]); break;
      case 3: a.text = ad(order[0]) + " and " + ad(order[1]) + " officials"; break;
      default: {
        static const char* heads[] = {"the foreign ministers of ", "the leaders of ", "the defense ministers of ",
                                      "senior diplomats from "};
        a.text = std::string(heads[r_.below(4)]) + nm(order[0]) + ", " + nm(order[1]) + " and " + nm(order[2]);
      }
    }
    return a;
  }

  // Spokespeople and people out of office speak but do not act for a state.
  static unsigned personCls(const Person& p) {
    for (const char* w : {"spokes", "former", "ousted", "exiled", "opposition"})
      if (std::strstr(p.role, w)) return SPK;
    return LD;
  }
  static bool personOK(const Person& p, unsigned mask, Role role) {
    const unsigned pc = personCls(p);
    return (pc & mask) && (role != OBJ || pc == LD);
  }
  const Person* pickPerson(const std::vector<Person>& ps, unsigned mask, Role role) {
    std::size_t n = 0;
    for (const auto& p : ps) n += personOK(p, mask, role) ? 1 : 0;
    if (n == 0) return nullptr;
    std::size_t k = static_cast<std::size_t>(r_.below(n));
    for (const auto& p : ps)
      if (personOK(p, mask, role)) {
        if (k == 0) return &p;
        --k;
      }
    return nullptr;
  }
  bool hasPerson(const std::vector<Person>& ps, unsigned mask, Role role) const {
    for (const auto& p : ps)
      if (personOK(p, mask, role)) return true;
    return false;
  }

  // Idiomatic names for some countries' institutions.
  static const char* institution(const Country& c, const Agent& a) {
    struct Ov {
      const char* country;
      const char* agent;
      const char* text;
    };
    static const Ov ov[] = {
        {"the United States", "foreign ministry", "the State Department"},
        {"the United States", "defense ministry", "the Pentagon"},
        {"the United States", "interior ministry", "the Department of Homeland Security"},
        {"the United States", "parliament", "Congress"},
        {"the United States", "presidency", "the White House"},
        {"the United States", "state news agency", "U.S. media"},
        {"the United States", "state television", "U.S. television networks"},
        {"Britain", "foreign ministry", "the Foreign Office"},
        {"Britain", "defense ministry", "the Ministry of Defence"},
        {"Britain", "interior ministry", "the Home Office"},
        {"Britain", "state television", "the BBC"},
        {"Israel", "parliament", "the Knesset"},
        {"Russia", "parliament", "the State Duma"},
        {"Russia", "security service", "the Federal Security Service"},
    };
    for (const auto& o : ov)
      if (std::strcmp(o.country, c.name) == 0 && std::strcmp(o.agent, a.text) == 0) return o.text;
    return nullptr;
  }

  Actor actor(const Side& sd, Role role, unsigned mask) {
    if (mask == 0) mask = ANY;
    enum { K_NAME, K_CAP, K_METO, K_ADJAG, K_OFAG, K_POSSAG, K_PERSON, K_ROLE, K_COMP, K_ONAME, K_OAG, K_OPERS };
    int w[12] = {};
    const Country* c = ctry(sd);
    const Org* o = org(sd);
    if (c) {
      if (mask & (ST | MI | PO)) w[K_NAME] = 20;
      if (mask & ST) w[K_CAP] = 7;
      if ((mask & (ST | DP)) && !c->metonyms.empty()) w[K_METO] = 4;
      const bool rebels = c->rebels && !(mask & (ST | DP | LD));
      if (hasAgent(countryAgents(), mask, rebels)) {
        w[K_ADJAG] = 26;
        w[K_OFAG] = 5;
        w[K_POSSAG] = 5;
      }
      if (hasPerson(c->people, mask, role)) {
        w[K_PERSON] = 18;
        w[K_ROLE] = 3;
      }
      if (role == SUBJ && compoundOK_ && (mask & DP) && !(mask & (MI | AG)) && allies_.size() >= 2)
        w[K_COMP] = 4;
    }
    if (o) {
      const bool only = c == nullptr;
      if (mask & o->cls) w[K_ONAME] = only ? 30 : 14;
      if (hasAgent(o->agents, mask, true)) w[K_OAG] = only ? 25 : 12;
      if (hasPerson(o->people, mask, role)) w[K_OPERS] = only ? 14 : 6;
    }
    if (shortNames_) {
      w[K_OFAG] = w[K_POSSAG] = w[K_PERSON] = w[K_ROLE] = w[K_COMP] = w[K_OPERS] = 0;
    }
    int total = 0;
    for (int x : w) total += x;
    if (total == 0) {
      if (mask != ANY) return actor(sd, role, ANY);
      Actor a;
      a.text = sName(sd);
      a.back = "the government";
      return a;
    }
    std::size_t k = r_.weighted({w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11]});
    Actor a;
    switch (k) {
      case K_NAME:
        a.text = c->name;
        a.cls = ST | MI | PO;
        a.back = "the government";
        break;
      case K_CAP:
        a.text = c->capital;
        a.back = "the government";
        break;
      case K_METO:
        a.text = r_.pick(c->metonyms);
        a.cls = ST | DP;
        a.back = a.text;
        break;
      case K_ADJAG:
      case K_OFAG:
      case K_POSSAG: {
        const Agent* ag = pickAgent(countryAgents(), mask, c->rebels && !(mask & (ST | DP | LD)));
        a.plural = ag->plural;
        a.cls = ag->cls;
        a.kind = ag->plural ? 2 : 0;
        a.back = ag->back;
        if (k == K_POSSAG && !(ag->def || (ag->cls & MI))) k = K_ADJAG;
        if (k == K_OFAG && !ag->def && !(ag->cls & (CI | DP | AG))) k = K_ADJAG;
        if (const char* inst = institution(*c, *ag)) {
          a.text = inst;
          a.plural = std::strcmp(inst, "U.S. media") == 0 || std::strcmp(inst, "U.S. television networks") == 0;
          a.back = a.plural ? "they" : inst;
        } else if (k == K_ADJAG) {
          a.text = std::string(ag->def ? "the " : "") + c->adj + " " + ag->text;
        } else if (k == K_OFAG) {
          a.text = ag->def ? std::string("the ") + ag->text + " of " + c->name
                           : std::string(ag->text) + " from " + c->name;
        } else {
          a.text = possessive(c->name) + " " + ag->text;
        }
        break;
      }
      case K_PERSON: {
        const Person& p = *pickPerson(c->people, mask, role);
        a.text = personText(p, c->adj, possessive(c->name), c->name, role);
        a.kind = 1;
        a.cls = personCls(p);
        a.back = (p.flags & FEM) ? "she" : "he";
        break;
      }
      case K_ROLE: {
        const Person& p = *pickPerson(c->people, mask, role);
        if (p.flags & NOADJ)
          a.text = std::string("the ") + p.role;
        else if (r_.pct(50))
          a.text = std::string("the ") + c->adj + " " + p.role;
        else
          a.text = possessive(c->name) + " " + p.role;
        a.kind = 1;
        a.cls = personCls(p);
        a.back = (p.flags & FEM) ? "she" : "he";
        break;
      }
      case K_COMP:
        a = compound(sd, mask);
        break;
      case K_ONAME:
        a.text = o->name;
        a.plural = o->plural;
        a.cls = o->cls | ((o->cls & AG) ? MI : 0u);
        a.back = o->back;
        break;
      case K_OAG: {
        const Agent* ag = pickAgent(o->agents, mask, true);
        a.plural = ag->plural;
        a.cls = ag->cls;
        a.kind = ag->plural ? 2 : 0;
        a.back = ag->back;
        if (ag->plural && !ag->def && r_.pct(20))
          a.text = std::string(ag->text) + " from " + o->name;
        else
          a.text = std::string(ag->def ? "the " : "") + o->prefix + " " + ag->text;
        break;
      }
      default: {
        const Person& p = *pickPerson(o->people, mask, role);
        a.text = personText(p, o->prefix, o->poss, o->name, role);
        a.kind = 1;
        a.cls = personCls(p);
        a.back = (p.flags & FEM) ? "she" : "he";
      }
    }
    return a;
  }

  // "Armenia and Azerbaijan" and variants, for the two sides of the report.
  std::string bothText() {
    const std::string a = sName(A_), b = sName(B_);
    const bool cc = A_.c >= 0 && B_.c >= 0;
    switch (r_.weighted({50, cc ? 20 : 0, cc ? 15 : 0, 15})) {
      case 0: return a + " and " + b;
      case 1: return std::string("the leaders of ") + a + " and " + b;
      case 2: return std::string(sAdj(A_)) + " and " + sAdj(B_) + " officials";
      default: return std::string("both ") + a + " and " + b;
    }
  }

  // ------------------------------------------------------------- verb logic

  unsigned pickCat(unsigned cats) {
    static const int kW[5] = {30, 28, 14, 30, 26};
    static const int kHard[5] = {8, 28, 4, 40, 4};
    int w[5];
    for (unsigned i = 0; i < 5; ++i) w[i] = (cats & (1u << i)) ? (hardline_ ? kHard : kW)[i] : 0;
    return static_cast<unsigned>(r_.weighted({w[0], w[1], w[2], w[3], w[4]}));
  }

  const Verb* pickVerb(const Frame& f, unsigned cats, unsigned need, int depth, unsigned subjCls = 0,
                       unsigned forbid = 0) {
    const unsigned sc = subjCls ? subjCls : sideClasses(f.s);
    const unsigned oc = sideClasses(f.o);
    const auto& vs = verbs();
    for (int tries = 0; tries < 300; ++tries) {
      const unsigned cat = pickCat(cats);
      const auto& idx = byCat_[cat];
      const std::size_t i = idx[static_cast<std::size_t>(r_.below(idx.size()))];
      const Verb& v = vs[i];
      const unsigned u = vinfo_[i];
      if ((v.flags & need) != need || (v.flags & forbid)) continue;
      if (!(v.subj & sc)) continue;
      if ((u & U_NEST) && depth <= 0) continue;
      if (v.flags & SELF) {
        if (!(v.obj & sideClasses(f.s)) || f.s.c < 0) continue;
      } else if ((u & U_O) && v.obj != ANY && !(v.obj & oc)) {
        continue;
      }
      if ((v.flags & NEEDC) && f.o.c < 0) continue;
      if ((u & U_C2) && (f.o.c < 0 || f.x.c < 0)) continue;
      if (v.cat == MD && sameSide(f.o, f.x)) continue;
      if ((v.flags & THIRD) && !sameSide(f.s, M_)) continue;
      if ((v.flags & NOMED) && sameSide(f.s, M_)) continue;
      if ((v.flags & NEAR) && distant_) continue;
      if (v.cat == MX && !(v.flags & MEDX) && sameSide(f.s, M_)) continue;
      if (std::strcmp(v.base, "veto") == 0 && !permanentMember(f.s)) continue;
      if ((v.flags & TOM) && !sameSide(f.o, M_)) continue;
      return &v;
    }
    return nullptr;
  }

  unsigned info(const Verb* v) const { return vinfo_[static_cast<std::size_t>(v - verbs().data())]; }
  bool hasPlace(const Verb* v) const { return (info(v) & U_PLACE) != 0; }

  std::string head(const Verb& v, Form form, bool plural) const {
    switch (form) {
      case BASE: return v.base;
      case PAST: return v.past;
      case PP: return v.pp;
      case GER: return v.ger;
      default: break;
    }
    if (plural) return v.base;
    return thirdPerson(v.base);
  }
  static std::string thirdPerson(std::string_view b) {
    std::string s(b);
    if (s == "have") return "has";
    const char l = s.back();
    const char p = s.size() > 1 ? s[s.size() - 2] : ' ';
    if (l == 'y' && !std::strchr("aeiou", p)) {
      s.pop_back();
      s += "ies";
    } else if (l == 's' || l == 'x' || l == 'z' || l == 'o' || (l == 'h' && (p == 's' || p == 'c'))) {
      s += "es";
    } else {
      s += 's';
    }
    return s;
  }

  std::string vp(const Verb& v, Form form, const Frame& f, int depth) {
    const char* saved = curBase_;
    curBase_ = v.base;
    std::string out = vpInner(v, form, f, depth);
    curBase_ = saved;
    return out;
  }
  std::string vpInner(const Verb& v, Form form, const Frame& f, int depth) {
    Frame g = f;
    if (v.flags & SELF) {
      g.x = sameSide(f.x, f.s) ? f.o : f.x;
      g.o = f.s;
    }
    g.omask = v.obj ? v.obj : TGT;
    std::string s = head(v, form, g.splural);
    s += ' ';
    fill(s, v.rest, g, depth);
    return s;
  }

  // "X was accused by Y of ..." ; the passive subject is returned in *subj.
  std::string passive(const Verb& v, const Frame& f, int depth, bool perfect, Actor* subj) {
    Actor obj = actor(f.o, SUBJ, v.obj);
    lastObj_ = obj;
    const Actor agent = actor(f.s, OBJ, v.subj);
    Frame g = f;
    setSubj(g, agent);
    g.omask = v.obj;
    std::string s = obj.text;
    s += perfect ? (obj.plural ? " have been " : " has been ") : (obj.plural ? " were " : " was ");
    s += v.pp;
    s += " by ";
    s += agent.text;
    fill(s, v.rest + 3, g, depth);
    if (subj) *subj = std::move(obj);
    return s;
  }

  // Nested verb phrase (infinitive or gerund). same: the nested subject is
  // the frame's subject side, else its object side. polarity: 0 any,
  // 1 cooperative, 2 conflictual, 3 material conflict only.
  // subj: the actor just rendered as the nested subject, for pronoun agreement.
  std::string nestedVP(const Frame& f, bool same, Form form, int depth, int polarity, const Actor* subj = nullptr) {
    Frame nf;
    if (same) {
      nf.s = f.s;
      nf.o = sameSide(f.o, f.s) ? f.x : f.o;
    } else {
      nf.s = f.o;
      nf.o = f.x;
    }
    if (sameSide(nf.s, nf.o)) nf.o = otherSide(nf.s);
    nf.x = nf.s;
    setSubjSide(nf);
    if (same) {
      nf.splural = f.splural;
      nf.spron = f.spron;
      nf.sposs = f.sposs;
      nf.scls = f.scls;
    } else if (subj) {
      setSubj(nf, *subj);
    }
    const unsigned cats = polarity == 1   ? (1u << VC) | (1u << MC)
                          : polarity == 2 ? (1u << VX) | (1u << MX)
                          : polarity == 3 ? (1u << MX)
                                          : (1u << VC) | (1u << VX) | (1u << MC) | (1u << MX);
    const Verb* v = nullptr;
    for (int t = 0; t < 3; ++t) {
      if (r_.pct(25)) break;
      v = pickVerb(nf, cats, form == GER ? GERF : INF, depth - 1, same ? nf.scls : subj ? subj->cls : 0u);
      if (v && curBase_ && std::strcmp(v->base, curBase_) == 0) v = nullptr;
      if (v) break;
    }
    std::string s;
    if (!v) {
      const bool coop = polarity == 1 || (polarity == 0 && r_.pct(50));  // 2 and 3 use the conflict lists
      const char* key = form == GER ? (coop ? "GERFIXC" : "GERFIX") : (coop ? "INFFIX" : "INFFIXX");
      nf.omask = ST | LD | DP | AG;
      fill(s, pickItem(listFor(key), nf), nf, 0);
      return s;
    }
    return vp(*v, form, nf, depth - 1);
  }

  // ------------------------------------------------------- template filling

  void fill(std::string& out, const char* t, Frame& f, int depth) {
    while (*t) {
      if (*t == '{') {
        const char* e = std::strchr(t, '}');
        expand(out, std::string_view(t + 1, static_cast<std::size_t>(e - t - 1)), f, depth);
        t = e + 1;
      } else {
        out.push_back(*t++);
      }
    }
  }

  void expand(std::string& out, std::string_view k, Frame& f, int depth) {
    if (k == "O") {
      lastObj_ = actor(f.o, OBJ, f.omask);
      out += lastObj_.text;
    } else if (k == "O2") {
      out += actor(f.x, OBJ, f.omask).text;
    } else if (k == "OB") {
      out += bothText();
    } else if (k == "C" || k == "OC") {
      out += sName(f.o);
    } else if (k == "C2") {
      out += sName(f.x);
    } else if (k == "SN") {
      out += sName(f.s);
    } else if (k == "ON") {
      out += actor(f.o, OBJ, LD).text;
    } else if (k == "CAPNAME") {
      out += sCap(f.o);
    } else if (k == "CAPNAME2") {
      out += sCap(f.x);
    } else if (k == "SCAP") {
      out += sCap(f.s);
    } else if (k == "CAPX") {
      out += thirdCapital();
    } else if (k == "DEM") {
      out += sAdj(f.o);
    } else if (k == "SDEM") {
      out += sAdj(f.s);
    } else if (k == "DEMSOLD") {
      out += sAdj(f.o);
      out += f.o.c >= 0 ? " soldiers" : " fighters";
    } else if (k == "PDEM") {  // the side whose people are held: own side, or the object for a mediator
      out += sAdj(sameSide(f.s, M_) ? f.o : f.s);
    } else if (k == "A_DEM") {
      out += article(sAdj(f.o));
      out += ' ';
      out += sAdj(f.o);
    } else if (k == "ADJP") {
      const Side& sd = r_.pct(50) ? A_ : B_;
      out += sAdj(sd.c >= 0 ? sd : (A_.c >= 0 ? A_ : B_));
    } else if (k == "MEDN") {
      out += sName(M_);
    } else if (k == "POSS") {
      out += f.sposs;
    } else if (k == "PRON") {
      out += f.spron;
    } else if (k == "HAS") {
      out += f.splural ? "have" : "has";
    } else if (k == "BE") {
      out += f.splural ? "are" : "is";
    } else if (k == "WAS") {
      out += f.splural ? "were" : "was";
    } else if (k == "PN") {
      out += place(&f.o);
    } else if (k == "PN2") {
      out += place();
    } else if (k == "PNT") {
      out += townPlace(&f.o);
    } else if (k == "SPN") {
      out += place(&f.s);
    } else if (k == "SPNT") {
      out += townPlace(&f.s);
    } else if (k == "BIGN") {
      out += bigNum();
    } else if (k == "NUM") {
      out += numPhrase();
    } else if (k == "NV") {
      out += victims(f.o);
    } else if (k == "SMALLN") {
      const int n = r_.range(2, 30);
      out += n <= 9 ? kNumWords[n] : std::to_string(n);
    } else if (k == "YEARS") {
      out += std::to_string(r_.range(3, 20));
    } else if (k == "MONEY") {
      out += money();
    } else if (k[0] == 'I' && k.size() <= 3 && k != "IREC") {  // I, IC, IX, IS, ISC, ISX
      const bool same = k.size() >= 2 && k[1] == 'S';
      const char pol = k.back();
      out += nestedVP(f, same, BASE, depth, pol == 'C' ? 1 : pol == 'X' ? 2 : pol == 'M' ? 3 : 0,
                      same ? nullptr : &lastObj_);
    } else if (k[0] == 'G' && k.size() <= 3) {  // G, GC, GX, GS, GSC, GSX
      const bool same = k.size() >= 2 && k[1] == 'S';
      const char pol = k.back();
      out += nestedVP(f, same, GER, depth, pol == 'C' ? 1 : pol == 'X' ? 2 : 0, same ? nullptr : &lastObj_);
    } else if (k == "POSS2") {
      out += lastObj_.kind == 1 ? (lastObj_.back == "she" ? "her" : "his") : lastObj_.plural ? "their" : "its";
    } else if (k == "FEWN") {
      const int n = r_.range(2, 14);
      out += n <= 10 ? kNumWords[n] : std::to_string(n);
    } else if (k == "CLAUSE") {
      out += clause(depth - 1);
    } else if (k == "CLS") {
      out += clauseSelf(f, depth - 1);
    } else if (k == "ORG") {
      out += orgs()[static_cast<std::size_t>(ioOrgs_[static_cast<std::size_t>(r_.below(ioOrgs_.size()))])].name;
    } else if (k == "SINCE") {
      out += sinceDate();
    } else if (k == "SINCEY") {
      out += std::to_string(year_ - r_.range(1, 6));
    } else if (k == "MONTH") {
      out += kMonths[r_.below(12)];
    } else if (k == "WEEKDAY") {
      out += kWeekdays[r_.below(7)];
    } else {
      fill(out, pickItem(listFor(k), f), f, depth);
    }
  }

  // A list entry that suits the report: no border talk for distant dyads,
  // no country-only slots when the side is an organisation.
  const char* pickItem(const std::vector<const char*>& items, const Frame& f) {
    const char* it = nullptr;
    for (int t = 0; t < 12; ++t) {
      it = r_.pick(items);
      if (distant_ && (std::strstr(it, "border") || std::strstr(it, "line of contact"))) continue;
      if (f.o.c < 0 && (std::strstr(it, "{C}") || std::strstr(it, "{DEM}"))) continue;
      return it;
    }
    return it;
  }

  // --------------------------------------------------------- small phrases

  // A place without a leading article (towns and provinces rather than seas,
  // corridors or crossings), for background sentences.
  std::string townPlace(int country) {
    const auto& pl = countries()[static_cast<std::size_t>(country)].places;
    for (int t = 0; t < 8; ++t) {
      const char* p = r_.pick(pl);
      if (std::strncmp(p, "the ", 4) != 0) return p;
    }
    return countries()[static_cast<std::size_t>(country)].capital;
  }

  // A town-like place (no leading "the"): a target for shelling or a raid.
  std::string townPlace(const Side* s) {
    for (int t = 0; t < 10; ++t) {
      std::string p = place(s);
      if (p.compare(0, 4, "the ") != 0) return p;
    }
    return sCap(s ? *s : A_);
  }

  // A place name, usually on the given side's territory.
  std::string place(const Side* s = nullptr) {
    if (s && sameSide(*s, M_)) s = nullptr;  // events happen in the dyad's area
    if (s && fixedPlaces_ && r_.pct(85)) {
      const int want = sameSide(*s, A_) ? 1 : sameSide(*s, B_) ? 2 : -1;
      if (want > 0) {
        for (int t = 0; t < 8; ++t) {
          const TaggedPlace& tp = tagged_[static_cast<std::size_t>(r_.below(tagged_.size()))];
          if (tp.side == want || tp.side == 0) return tp.name;
        }
      }
    }
    if (s && s->pc >= 0 && !fixedPlaces_ && r_.pct(70)) return r_.pick(countries()[static_cast<std::size_t>(s->pc)].places);
    return r_.pick(places_);
  }

  std::string thirdCapital() {
    static const std::vector<const char*> venues = {"Geneva", "Vienna", "Doha", "Brussels", "Istanbul",
                                                    "Abu Dhabi", "Oslo", "Muscat", "Nairobi", "Astana"};
    switch (r_.weighted({40, 30, 30})) {
      case 0: return sCap(M_);
      case 1: return countries()[static_cast<std::size_t>(r_.pick(allies_))].capital;
      default: return r_.pick(venues);
    }
  }

  std::string numPhrase() {
    static const std::vector<const char*> quals = {"", "", "", "at least ", "more than ", "about ",
                                                   "nearly ", "some ", "up to "};
    switch (r_.weighted({25, 25, 17, 0, 12, 12})) {
      case 0: return J({r_.pct(30) ? "at least " : "", kNumWords[r_.range(2, 10)]});
      case 1: {
        static const std::vector<const char*> q2 = {"", "", "at least ", "more than "};
        return J({r_.pick(q2), std::to_string(r_.range(11, 99))});
      }
      case 2: return J({r_.pick(quals), std::to_string(r_.range(10, 95) * 10)});
      case 3: return J({r_.pick(quals), thousands(r_.range(10, 250) * 100LL)});
      case 4: {
        static const std::vector<const char*> vague = {"dozens of", "hundreds of", "several", "scores of",
                                                       "a number of"};
        return r_.pick(vague);
      }
      default: return std::string("more than ") + std::to_string(r_.range(2, 50) * 10);
    }
  }

  std::string bigNum() {
    switch (r_.weighted({30, 40, 15, 15})) {
      case 0: return J({r_.pct(50) ? "more than " : "about ", std::to_string(r_.range(2, 9) * 100)});
      case 1: return J({r_.pct(40) ? "some " : "", thousands(r_.range(2, 60) * 500LL)});
      case 2: return r_.pct(50) ? "thousands of" : "tens of thousands of";
      default: return std::string("up to ") + thousands(r_.range(10, 300) * 1000LL);
    }
  }

  std::string victims(const Side& s) {
    struct Vic {
      const char* noun;
      bool adj;
    };
    static const std::vector<Vic> v = {{"civilians", true},  {"soldiers", true},        {"people", false},
                                       {"fighters", true},   {"police officers", true}, {"students", false},
                                       {"aid workers", false}, {"border guards", true}, {"villagers", false},
                                       {"servicemen", true}};
    const Vic* xp = &r_.pick(v);
    while (distant_ && std::strcmp(xp->noun, "border guards") == 0) xp = &r_.pick(v);
    const Vic& x = *xp;
    std::string out;
    switch (r_.weighted({30, 40, 12, 18})) {
      case 0: out = J({r_.pct(40) ? "at least " : "", kNumWords[r_.range(2, 10)]}); break;
      case 1: out = J({r_.pct(50) ? "at least " : "", std::to_string(r_.range(11, 60))}); break;
      case 2: out = J({r_.pct(50) ? "more than " : "at least ", std::to_string(r_.range(7, 40) * 10)}); break;
      default: out = r_.pct(70) ? "dozens of" : "scores of";
    }
    out += ' ';
    if (x.adj && (s.c >= 0 || std::strcmp(x.noun, "fighters") == 0) && r_.pct(60)) {
      out += sAdj(s);
      out += ' ';
    }
    out += x.noun;
    return out;
  }

  std::string money() {
    switch (r_.weighted({50, 25, 25})) {
      case 0: return "$" + std::to_string(r_.range(2, 95) * 10) + " million";
      case 1: return J({"$", std::to_string(r_.range(1, 9)), ".", std::to_string(r_.range(1, 9)), " billion"});
      default: return std::to_string(r_.range(5, 90) * 10) + " million euros";
    }
  }

  std::string timeExpr() {
    static const std::vector<const char*> rel = {"last week", "earlier this week", "this week",
                                                 "over the weekend", "overnight", "earlier this month",
                                                 "last month", "earlier in the day", "two days ago",
                                                 "three days ago", "several days ago", "two weeks ago",
                                                 "late last month", "earlier this year"};
    static const std::vector<const char*> parts = {"night", "morning", "evening", "afternoon"};
    const char* wd = kWeekdays[r_.below(7)];
    switch (r_.weighted({36, 8, 6, 16, 12, 12, 6, 4})) {
      case 0: return std::string("on ") + wd;
      case 1: return std::string(r_.pct(50) ? "late on " : "early on ") + wd;
      case 2: return std::string("on ") + wd + " " + r_.pick(parts);
      case 3: return r_.pick(rel);
      case 4: {
        static const std::vector<const char*> pre = {"in ", "last ", "in early ", "in late ", "earlier in "};
        return J({r_.pick(pre), kMonths[r_.below(12)]});
      }
      case 5: return J({"on ", kMonthsAP[r_.below(12)], " ", std::to_string(r_.range(1, 28))});
      case 6: return "in " + std::to_string(year_ - r_.range(0, 3));
      default: return "last year";
    }
  }

  std::string sinceDate() {
    const int y = year_ - r_.range(0, 3);
    const std::size_t m = static_cast<std::size_t>(r_.below(12));
    const std::string d = std::to_string(r_.range(1, 28));
    switch (r_.weighted({25, 20, 20, 12, 12, 11})) {
      case 0: return std::string(kMonths[m]) + " " + d + ", " + std::to_string(y);
      case 1: return std::string(kMonthsAP[m]) + " " + d + ", " + std::to_string(y);
      case 2: return std::to_string(y);
      case 3: return std::string("last ") + kMonths[m];
      case 4: return "the start of the year";
      default: return "the ceasefire took effect";
    }
  }

  std::string locExpr() {
    static const std::vector<const char*> preps = {"in ", "near ", "near ", "near ", "north of ", "south of ",
                                                   "east of ", "west of "};
    static const std::vector<const char*> townPreps = {"in ", "in ", "outside ", "around ", "on the outskirts of ",
                                                       "in the area around "};
    const int b = distant_ ? 0 : 1;
    switch (r_.weighted({30, 9 * b, 5 * b, 5, 8, 5 * b, 30})) {
      case 0: return J({r_.pick(preps), place()});
      case 1: return "along the border";
      case 2: return "along the line of contact";
      case 3: return "at a checkpoint near " + townPlace(nullptr);
      case 4: return std::string("in ") + sCap(r_.pct(50) ? A_ : B_);
      case 5: return r_.pct(50) ? "in the disputed border area" : "in the frontline region";
      default: return J({r_.pick(townPreps), townPlace(nullptr)});
    }
  }

  std::string src() {
    Frame f = pairFrame();
    std::string s;
    fill(s, r_.pick(listFor("SRC")), f, 0);
    return s;
  }
  std::string attribution() {
    switch (r_.weighted({50, 35, 15})) {
      case 0: return "according to " + src();
      case 1: return src() + " said";
      default: return src() + " reported";
    }
  }
  std::string list(const char* key, Frame& f) {
    std::string s;
    fill(s, pickItem(listFor(key), f), f, 1);
    return s;
  }

  // A comma-led (or space-led) participial / adverbial adjunct.
  static bool canSpeak(const Actor& a) { return (a.cls & SPEAKER) != 0; }

  // speech: the subject can make statements, so ", saying ..." etc. fit.
  std::string adjunct(Frame& f, Cat cat, bool speech = true, bool attrib = true) {
    const int sp = speech ? 1 : 0;
    switch (r_.weighted({14 * sp, 10 * sp, 12 * sp, 8 * sp, ((cat == VX || cat == MX) ? 7 : 2) * sp, 8 * sp, 10, 9, 5, 6,
                         attrib ? 8 : 0, cat == MX ? 4 : 0})) {
      case 0: return ", noting that " + clause(1);
      case 1: return ", adding that " + clause(1);
      case 2: return ", citing " + list("REASON", f);
      case 3: return ", saying " + clause(1);
      case 4: return ", calling the move " + list("QUAL", f);
      case 5: {
        Frame g = f;
        if (sameSide(g.o, g.s)) g.o = otherSide(g.s);
        const Actor acc = actor(g.o, OBJ, TGT);
        return ", accusing " + acc.text + " of " + nestedVP(g, false, GER, 1, 2, &acc);
      }
      case 6: return ", " + list("CONTEXT", f);
      case 7: {
        static const std::vector<const char*> w = {", a day after ", ", two days after ", ", hours after ",
                                                   ", just days after ", " after ", " shortly after "};
        return J({r_.pick(w), clause(1, true)});
      }
      case 8: return J({", in what ", src(), " described as ", list("QUAL", f)});
      case 9: return ", despite " + list("OBSTACLE", f);
      case 10: return ", " + attribution();
      default:
        return std::string(", the first such ") + (cat == MX ? "incident" : "meeting") + " since " +
               std::to_string(year_ - r_.range(1, 8));
    }
  }

  // A finite embedded clause about the dyad.
  // factual: only past events (for "a day after ..."), no modals or states.
  std::string clause(int depth, bool factual = false) {
    Frame f = r_.pct(80) ? pairFrame() : medFrame();
    const unsigned cats = sameSide(f.s, M_) ? (1u << VC) | (1u << VX) | (1u << MC) | (1u << MD)
                                            : (1u << VC) | (1u << VX) | (1u << MC) | (1u << MX);
    const std::size_t form = r_.weighted({45, factual ? 0 : 20, 15, factual ? 0 : 10, factual ? 0 : 10});
    if (form == 4) return list("STATIC", f);
    const Verb* v = pickVerb(f, cats, form == 2 ? PASS : 0u, depth + 1,
                             sameSide(f.s, M_) ? sideClasses(f.s) & ~CI : 0u);
    if (!v) return list("STATIC", f);
    if (form == 2) return passive(*v, f, depth + 1, false, nullptr);
    Actor s = actor(f.s, SUBJ, sameSide(f.s, M_) && (v->subj & ~CI) ? v->subj & ~CI : v->subj);
    setSubj(f, s);
    if (!avoidSubj_.empty() && s.text == avoidSubj_) s.text = f.spron;  // "Israel said it would ..."
    std::string out = s.text;
    switch (form) {
      case 0:
        out += ' ';
        out += vp(*v, PAST, f, depth + 1);
        if ((v->cat == MX || v->cat == MC) && !hasPlace(v) && r_.pct(30)) out += " " + locExpr();
        if (!factual && r_.pct(55)) {
          out += " " + timeExpr();
          clauseTimed_ = true;
        }
        break;
      case 1:
        out += " had ";
        out += vp(*v, PP, f, depth + 1);
        if (!factual && r_.pct(30)) {
          out += " " + timeExpr();
          clauseTimed_ = true;
        }
        break;
      default: {
        static const std::vector<const char*> sg = {" would ", " could ", " might ", " was preparing to ",
                                                    " planned to "};
        static const std::vector<const char*> pl = {" would ", " could ", " might ", " were preparing to ",
                                                    " planned to "};
        out += r_.pick(s.plural ? pl : sg);
        out += vp(*v, BASE, f, depth + 1);
      }
    }
    return out;
  }

  // A clause whose subject is the frame's own subject side (for denials).
  std::string clauseSelf(const Frame& base, int depth) {
    Frame f;
    f.s = base.s;
    f.o = sameSide(base.o, base.s) ? base.x : base.o;
    f.x = f.s;
    setSubjSide(f);
    const Verb* v = pickVerb(f, (1u << VX) | (1u << MX), 0, 0);
    if (!v) return list("STATIC", f);
    const Actor s = actor(f.s, SUBJ, v->subj);
    setSubj(f, s);
    return s.text + " had " + vp(*v, PP, f, depth < 0 ? 0 : depth);
  }

  // --------------------------------------------------------------- builders

  static unsigned pairCats() { return (1u << VC) | (1u << VX) | (1u << MC) | (1u << MX); }
  static unsigned medCats() { return (1u << VC) | (1u << VX) | (1u << MC) | (1u << MD); }

  // Frame + verb + subject for a main clause.
  struct Main {
    Frame f;
    const Verb* v = nullptr;
    Actor s;
  };
  Main mainClause(unsigned needFlags = 0, bool allowMed = true, unsigned onlyCats = 0, Role role = SUBJ) {
    Main m;
    for (int tries = 0; tries < 10 && !m.v; ++tries) {
      const std::size_t kind = allowMed ? r_.weighted({hardline_ ? 85 : 65, 23, 12}) : 0;
      m.f = kind == 0 ? pairFrame() : kind == 1 ? medFrame() : toMedFrame();
      unsigned cats = kind == 0 ? pairCats() : kind == 1 ? medCats() : (1u << VC) | (1u << VX);
      if (onlyCats) cats &= onlyCats;
      if (!cats) continue;
      m.v = pickVerb(m.f, cats, needFlags, 2, kind == 1 ? sideClasses(m.f.s) & ~CI : 0u);
      if (m.v && kind == 2 && !(info(m.v) & U_O)) m.v = nullptr;
    }
    if (!m.v) {  // extremely unlikely; fall back to a plain accusation
      m.f = pairFrame();
      for (const auto& v : verbs())
        if (std::strcmp(v.base, "criticize") == 0 && std::strcmp(v.rest, "{O}") == 0) m.v = &v;
    }
    compoundOK_ = true;
    const bool med = sameSide(m.f.s, M_);
    m.s = actor(m.f.s, role, med && (m.v->subj & ~CI) ? m.v->subj & ~CI : m.v->subj);
    compoundOK_ = false;
    setSubj(m.f, m.s);
    return m;
  }

  std::string speaker(const Side& s, Role role) {
    compoundOK_ = r_.pct(30);
    std::string t = actor(s, role, SPEAKER).text;
    compoundOK_ = false;
    return t;
  }
  Side anySide() {
    switch (r_.weighted({40, 40, 20})) {
      case 0: return A_;
      case 1: return B_;
      default: return M_;
    }
  }

  std::string bSimple() {
    Main m = mainClause();
    const bool material = (m.v->cat == MX || m.v->cat == MC) && (m.v->subj & (MI | PO | AG | CI));
    std::string s;
    const bool front = r_.pct(15);
    if (front) s = timeExpr() + ", ";
    s += m.s.text + " " + vp(*m.v, PAST, m.f, 2);
    if (!hasPlace(m.v) && material && r_.pct(55)) s += " " + locExpr();
    if (m.v->subj == VERBAL && !hasPlace(m.v) && !(info(m.v) & U_NEST) && r_.pct(12)) {
      s += r_.pct(50) ? " in a statement" : std::string(" at a news conference in ") + sCap(m.f.s);
    }
    if (!front && r_.pct(75)) s += " " + timeExpr();
    if (r_.pct(80)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
    remember(m.s, m.f.s);
    return s;
  }

  std::string bPassive() {
    Frame f;
    const Verb* v = nullptr;
    for (int tries = 0; tries < 10 && !v; ++tries) {
      f = r_.pct(80) ? pairFrame() : medFrame();
      v = pickVerb(f, sameSide(f.s, M_) ? medCats() : pairCats(), PASS, 2);
    }
    if (!v) return bSimple();
    Actor subj;
    const bool perfect = r_.pct(20);
    std::string s = passive(*v, f, 2, perfect, &subj);
    if (v->cat == MX && !hasPlace(v) && r_.pct(50)) s += " " + locExpr();
    if (!perfect && r_.pct(75)) s += " " + timeExpr();
    if (r_.pct(50)) s += ", " + attribution();
    else if (r_.pct(50)) s += adjunct(f, v->cat, false);
    remember(subj, f.o);
    return s;
  }

  std::string bReported() {
    const Side sp = anySide();
    const Actor spk = actor(sp, SUBJ, SPEAKER);
    static const std::vector<const char*> sv = {"said", "said", "said", "said in a statement", "announced",
                                                "claimed", "confirmed", "insisted", "told reporters",
                                                "said in a televised address"};
    const bool human = spk.kind != 0;
    std::string s = spk.text + " " + sv[static_cast<std::size_t>(r_.below(human ? sv.size() : sv.size() - 2))];
    const bool timed = r_.pct(60);
    if (timed) s += " " + timeExpr();
    s += (timed || r_.pct(70)) ? " that " : " ";
    avoidSubj_ = spk.text;
    s += clause(2);
    avoidSubj_.clear();
    if (r_.pct(45)) {
      Frame f;
      f.s = sp;
      f.o = otherSide(sp);
      f.x = f.s;
      setSubj(f, spk);
      s += adjunct(f, VC, true, false);
    }
    remember(spk, sp);
    return s;
  }

  // An embedded clause, usually carrying a time expression.
  std::string timedClause() {
    clauseTimed_ = false;
    std::string c = clause(2);
    if (!clauseTimed_ && r_.pct(65)) c += " " + timeExpr();
    return c;
  }

  std::string bTrailing() {
    std::string s;
    switch (r_.weighted({30, 20, 20, 20, 10})) {
      case 0: {
        const std::string c = timedClause();
        s = J({c, ", ", speaker(anySide(), OBJ), " said"});
        if (r_.pct(35)) {
          Frame g = pairFrame();
          s += adjunct(g, VC, true, false);
        }
        break;
      }
      case 1: {
        const std::string c = timedClause();
        s = J({c, ", according to ", src()});
        break;
      }
      case 2: {
        const std::string c = timedClause();
        s = J({c, ", said ", speaker(anySide(), END)});
        break;
      }
      case 3: {
        Main m = mainClause(0, true, (1u << VC) | (1u << MC) | (1u << MD) | (1u << VX), SUBJ);
        s = J({m.s.text, m.s.plural ? " have " : " has ", vp(*m.v, PP, m.f, 2), ", ",
               speaker(r_.pct(50) ? M_ : otherSide(m.f.s), OBJ), " said"});
        if (r_.pct(60)) s += " " + timeExpr();
        break;
      }
      default: {
        const std::string c = timedClause();
        s = J({c, ", ", src(), " reported"});
      }
    }
    return s;
  }

  static const std::vector<const char*>& protesters() {
    static const std::vector<const char*> v = {"protesters", "demonstrators", "activists", "environmental activists",
                                               "students", "farmers", "residents", "opposition supporters",
                                               "villagers", "truck drivers"};
    return v;
  }

  std::string bRelative() {
    Frame f = pairFrame();
    switch (r_.weighted({40, 25, 20, 15})) {
      case 0: {  // object relative: "... detained activists who were blocking ..."
        const Actor s = actor(f.s, SUBJ, PO | MI | ST);
        static const std::vector<const char*> rv = {"detained", "arrested", "dispersed", "fired tear gas at",
                                                    "forcibly removed", "briefly detained", "beat and detained"};
        const Side gs = r_.pct(50) ? f.s : f.o;
        const char* noun = r_.pick(protesters());
        std::string grp;
        const char* adj = sAdj(gs);
        switch (r_.weighted({35, (gs.c >= 0 && !sameSide(gs, f.s)) ? 20 : 0, 25, 20})) {
          case 0: grp = std::string(adj) + " " + noun; break;
          case 1: grp = std::string(noun) + " from " + sName(gs); break;
          case 2: grp = std::string(r_.pct(50) ? "dozens of " : "hundreds of ") + noun; break;
          default: grp = noun;
        }
        static const std::vector<const char*> be = {" who were ", " who are ", " who had been ", " who have been "};
        Frame g = f;
        g.s = gs;
        g.o = otherSide(gs);
        const std::size_t bi = static_cast<std::size_t>(r_.below(be.size()));
        std::string out = J({s.text, " ", r_.pick(rv), " ", grp, be[bi], list("PROTGER", g)});
        if ((bi == 0 || bi == 2) && r_.pct(60)) out += " " + timeExpr();
        if (r_.pct(40)) out += ", " + attribution();
        remember(s, f.s);
        return out;
      }
      case 1: {  // "... condemned the shelling of X, which killed ..."
        const Actor s = actor(r_.pct(70) ? f.o : M_, SUBJ, VERBAL);
        static const std::vector<const char*> cv = {"condemned", "denounced", "criticized", "deplored"};
        std::string out = J({s.text, " ", r_.pick(cv), " the ", list("ATTACKON", f), " ", townPlace(&f.o)});
        if (r_.pct(50)) out += " " + timeExpr();
        switch (r_.weighted({50, 30, 20})) {
          case 0: out += ", which killed " + victims(f.o); break;
          case 1: out += ", which left " + victims(f.o) + " dead"; break;
          default: out += J({", which wounded ", victims(f.o), " and damaged ", list("DAMAGE", f)});
        }
        if (r_.pct(35)) out += ", " + attribution();
        remember(s, f.o);
        return out;
      }
      case 2: {  // relative inside the object: "accused Azerbaijan, which has ..., of ..."
        const Verb* v = nullptr;
        for (const auto& x : verbs())
          if (std::strcmp(x.rest, "{O} of {GX}") == 0 || std::strcmp(x.rest, "{O} for {GX}") == 0)
            if (!v || r_.pct(50)) v = &x;
        const Actor s = actor(f.s, SUBJ, VERBAL);
        setSubj(f, s);
        const bool useName = f.o.c >= 0 || r_.pct(50);
        std::string obj = useName ? std::string(sName(f.o)) : actor(f.o, OBJ, TGT).text;
        Frame g = f;
        std::string rel;
        fill(rel, r_.pick(listFor("RELOBJ")), g, 1);
        const char* pron = useName ? "which" : "which";
        std::string out = s.text + " " + v->past + " " + obj + ", " + pron + " " + rel + ", " +
                          (std::strstr(v->rest, " of ") ? "of " : "for ") + nestedVP(f, false, GER, 1, 2);
        if (r_.pct(40)) out += " " + timeExpr();
        remember(s, f.s);
        return out;
      }
      default: {  // relative inside the subject: "Activists who have been blocking ... said ..."
        const char* noun = r_.pick(protesters());
        Frame g = f;
        std::string since = sinceDate();
        if (since.find(", ") != std::string::npos) since += ',';
        std::string out = J({r_.pct(50) ? sAdj(f.s) + std::string(" ") : std::string(), noun, " who ",
                             r_.pct(50) ? "have been " : "had been ", list("PROTGER", g), " since ", since,
                             r_.pct(50) ? " said" : " told reporters"});
        if (r_.pct(50)) out += " " + timeExpr();
        out += " that " + clause(1);
        return out;
      }
    }
  }

  std::string bSubjRel() {
    Main m = mainClause(0, true, 0, OBJ);
    std::string rel;
    Frame g = m.f;
    if (m.s.kind == 1) {
      fill(rel, r_.pick(listFor("RELPERS")), g, 1);
      if (m.s.back == "she") {
        const std::size_t p = rel.find(" his ");
        if (p != std::string::npos) rel.replace(p, 5, " her ");
      }
    } else if (m.s.kind == 2) {
      fill(rel, r_.pick(listFor((m.s.cls & (MI | AG | PO)) ? "RELGRP" : "RELPL")), g, 1);
    } else {
      rel = "which ";
      fill(rel, r_.pick(listFor(sameSide(m.f.s, M_) ? "RELMED" : "RELINST")), g, 1);
    }
    std::string s = m.s.text + ", " + rel + ", " + vp(*m.v, PAST, m.f, 2);
    if (r_.pct(50)) s += " " + timeExpr();
    if (r_.pct(30)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
    remember(m.s, m.f.s);
    return s;
  }

  std::string bNegation() {
    std::string s;
    switch (r_.weighted({18, 16, 16, 12, 12, 8, 8, 6, 4})) {
      case 0: {
        Main m = mainClause(0, false, (1u << MX) | (1u << VX) | (1u << MC), OBJ);
        s = J({m.s.text, " did not ", vp(*m.v, BASE, m.f, 2), ", ", speaker(m.f.s, OBJ), " said"});
        if (r_.pct(60)) s += " " + timeExpr();
        if (r_.pct(35)) s += adjunct(m.f, VX, true);
        remember(m.s, m.f.s);
        break;
      }
      case 1: {
        Main m = mainClause(INF, true, (1u << VC) | (1u << MC));
        s = m.s.text + " refused to " + vp(*m.v, BASE, m.f, 1);
        if (r_.pct(50)) s += " " + timeExpr();
        if (r_.pct(40)) s += ", citing " + list("REASON", m.f);
        remember(m.s, m.f.s);
        break;
      }
      case 2: {
        Main m = mainClause(0, false, 1u << VX);
        if (!(m.s.cls & VERBAL)) {
          m.s = actor(m.f.s, SUBJ, VERBAL);
          setSubj(m.f, m.s);
        }
        s = m.s.text + " denied that " + clauseSelf(m.f, 1);
        if (r_.pct(50)) s += " " + timeExpr();
        if (r_.pct(40)) s += ", calling the accusations " + list("ACCQ", m.f);
        remember(m.s, m.f.s);
        break;
      }
      case 3: {
        Main m = mainClause(0, true);
        s = J({m.s.text, m.s.plural ? " have not " : " has not ", vp(*m.v, PP, m.f, 1), " since ", sinceDate()});
        if (r_.pct(50)) s += ", " + attribution();
        remember(m.s, m.f.s);
        break;
      }
      case 4: {
        Main m = mainClause(INF, true);
        s = J({m.s.text, " said ", m.f.spron, " would not ", vp(*m.v, BASE, m.f, 1), " until ", list("UNTIL", m.f)});
        if (r_.pct(35)) s += ", " + attribution();
        remember(m.s, m.f.s);
        break;
      }
      case 5: {
        Main m = mainClause(0, false);
        s = J({m.s.text, " never ", vp(*m.v, PAST, m.f, 1), ", ", speaker(m.f.s, OBJ), " insisted"});
        if (r_.pct(60)) s += " " + timeExpr();
        if (r_.pct(35)) s += adjunct(m.f, VX, true, false);
        break;
      }
      case 6: {
        static const std::vector<const char*> who = {"troops", "soldiers", "officials", "forces", "aircraft"};
        static const std::vector<const char*> what = {"involved in the attack", "present in the area",
                                                      "killed in the clashes", "taking part in the operation"};
        const Side sd = r_.pct(50) ? A_ : B_;
        s = J({"No ", sAdj(sd), " ", r_.pick(who), " were ", r_.pick(what), " ", locExpr(), ", ", speaker(sd, OBJ),
               " said"});
        break;
      }
      case 7: {
        Main m = mainClause(INF, true, (1u << VC) | (1u << MC));
        s = m.s.text + (m.s.plural ? " have yet to " : " has yet to ") + vp(*m.v, BASE, m.f, 1);
        if (r_.pct(50)) s += ", " + attribution();
        remember(m.s, m.f.s);
        break;
      }
      default: {
        const Side sd = r_.pct(50) ? A_ : B_;
        Frame f = pairFrame();
        s = J({speaker(sd, SUBJ), " did not respond to a request for comment on ", list("TOPIC", f)});
      }
    }
    return s;
  }

  std::string bModal() {
    if (r_.pct(25)) {  // reported modality: "X said Y would ..."
      const Side sp = anySide();
      const std::string spk = speaker(sp, SUBJ);
      Main m = mainClause(0, true, 0, OBJ);
      static const std::vector<const char*> sg = {" would ", " could ", " might ", " was ready to ", " was unlikely to "};
      static const std::vector<const char*> pl = {" would ", " could ", " might ", " were ready to ", " were unlikely to "};
      std::string s = spk + " said";
      if (r_.pct(50)) s += " " + timeExpr();
      const std::string subj = m.s.text == spk ? std::string(m.f.spron) : m.s.text;
      s += J({" ", subj, r_.pick(m.s.plural ? pl : sg), vp(*m.v, BASE, m.f, 2)});
      return s;
    }
    static const std::vector<const char*> sg = {"may", "will", "could", "might", "is expected to", "plans to",
                                                "is likely to", "is preparing to", "intends to", "is ready to",
                                                "will not", "threatens to", "threatened to", "has vowed to"};
    static const std::vector<const char*> pl = {"may", "will", "could", "might", "are expected to", "plan to",
                                                "are likely to", "are preparing to", "intend to", "are ready to",
                                                "will not", "threaten to", "threatened to", "have vowed to"};
    const std::size_t mi = static_cast<std::size_t>(r_.below(sg.size()));
    const bool threat = mi >= sg.size() - 3;
    Main m = mainClause(0, true, threat ? (1u << VX) | (1u << MX) : 0u);
    std::string s = m.s.text + " " + (m.s.plural ? pl : sg)[mi] + " " + vp(*m.v, BASE, m.f, 2);
    if ((m.v->cat == MX || m.v->cat == MC) && !hasPlace(m.v) && r_.pct(40)) s += " " + locExpr();
    if (r_.pct(45)) {
      static const std::vector<const char*> fut = {"in the coming days", "as early as next week", "later this month",
                                                   "before the end of the year", "within days", "next month"};
      s += std::string(" ") + r_.pick(fut);
    }
    if (r_.pct(55)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
    remember(m.s, m.f.s);
    return s;
  }

  std::string bPronoun() {
    if (!haveLast_ || sidx_ == 0) return bSimple();
    std::string back = last_.back;
    Frame f;
    f.s = lastSide_;
    f.o = otherSide(lastSide_);
    f.x = f.s;
    setSubj(f, last_);
    const unsigned cls = last_.cls;
    std::string s;
    switch (r_.weighted({28, 26, 20, 12, 14})) {
      case 0:
        s = back + " said";
        if (r_.pct(40)) s += " " + timeExpr();
        s += " that " + clause(1);
        if (r_.pct(35)) s += adjunct(f, VC, true);
        break;
      case 1: {
        const Verb* v = pickVerb(f, (1u << VC) | (1u << VX) | (1u << MC) | (1u << MX), 0, 2, cls);
        if (!v) return bSimple();
        s = back + " also " + vp(*v, PAST, f, 2);
        if (r_.pct(50)) s += " " + timeExpr();
        if (r_.pct(60)) s += adjunct(f, v->cat, canSpeak(last_));
        break;
      }
      case 2:
        s = back + " added that " + clause(1);
        if (r_.pct(35)) s += adjunct(f, VC, true);
        break;
      case 3: {
        Frame g = pairFrame();
        const Verb* v = pickVerb(g, pairCats(), 0, 1);
        if (!v) return bSimple();
        const Actor a = actor(g.s, OBJ, v->subj);
        setSubj(g, a);
        s = back + " did not say whether " + a.text + " would " + vp(*v, BASE, g, 1);
        break;
      }
      default: {
        const Verb* v = nullptr;
        for (int t = 0; t < 10 && (!v || v->subj != VERBAL); ++t) v = pickVerb(f, (1u << VC) | (1u << VX), 0, 2, cls);
        if (!v || v->subj != VERBAL) return bSimple();
        s = J({r_.pct(50) ? "In the same statement, " : "Later, ", back, " ", vp(*v, PAST, f, 2)});
        if (r_.pct(50)) s += adjunct(f, v->cat, true);
      }
    }
    return s;
  }

  std::string bCasualty() {
    Frame f = pairFrame();
    const Verb* v = nullptr;
    for (int t = 0; t < 10 && !v; ++t) {
      v = pickVerb(f, 1u << MX, VIOL, 1);
      if (v && std::strcmp(v->rest, "{NV}") == 0) v = nullptr;
    }
    if (!v) return bSimple();
    std::string s;
    switch (r_.weighted({30, 25, 20, 15, 10})) {
      case 0: {
        const Actor a = actor(f.s, SUBJ, v->subj);
        setSubj(f, a);
        const int wounded = r_.range(3, 120);
        s = J({"At least ", std::to_string(r_.range(2, 60)), " people were killed and ",
               wounded < 10 ? std::string(kNumWords[wounded]) : std::to_string(wounded), " others wounded when ",
               a.text, " ", vp(*v, PAST, f, 1)});
        if (!hasPlace(v) && r_.pct(50)) s += " " + locExpr();
        if (r_.pct(60)) s += " " + timeExpr();
        s += ", " + attribution();
        break;
      }
      case 1: {
        const Actor a = actor(f.s, SUBJ, v->subj);
        setSubj(f, a);
        std::string nv = victims(f.o);
        if (nv[0] >= '0' && nv[0] <= '9') nv = "at least " + nv;
        s = J({nv, " were killed ", hasPlace(v) ? std::string() : locExpr() + " ", timeExpr(), " when ", a.text, " ",
               vp(*v, PAST, f, 1)});
        break;
      }
      case 2: {
        static const std::vector<const char*> ppl = {"people", "civilians", "villagers", "residents"};
        s = J({"The ", list("ATTACKN", f), " killed ", std::to_string(r_.range(12, 90)), " ", r_.pick(ppl),
               ", including ", kNumWords[r_.range(2, 9)], " children, and damaged ", list("DAMAGE", f), ", ",
               speaker(f.o, OBJ), " said"});
        if (r_.pct(50)) s += " " + timeExpr();
        break;
      }
      case 3: {
        s = J({"The death toll from the ", list("ATTACKON", f), " ", townPlace(&f.o), " has risen to ", std::to_string(r_.range(12, 400)), ", ",
               src(), " said"});
        if (r_.pct(50)) s += " " + timeExpr();
        break;
      }
      default: {
        const Actor a = actor(f.o, SUBJ, ST | MI | SP);
        Frame g = f;
        setSubj(g, a);
        s = J({a.text, " said ", std::to_string(r_.range(2, 40)), " of ", g.sposs, " soldiers had been killed ",
               locExpr(), " ", timeExpr(), " in clashes with ", actor(f.s, OBJ, ARMED).text});
      }
    }
    return s;
  }

  std::string bQuote() {
    Frame f = r_.pct(75) ? pairFrame() : medFrame();
    const Actor spk = actor(f.s, SUBJ, SPEAKER);
    std::string q = list("QUOTE", f);
    capitalizeFirst(q);
    std::string s;
    switch (r_.weighted({35, 20, spk.kind != 0 ? 15 : 0, 15, 15})) {
      case 0:
        s = "\"" + q + ",\" " + spk.text + " said";
        if (r_.pct(50)) s += " " + timeExpr();
        if (r_.pct(40)) s += ", adding that " + clause(1);
        break;
      case 1:
        s = spk.text + " said";
        if (r_.pct(50)) s += " " + timeExpr();
        s += ": \"" + q + ".\"";
        break;
      case 2:
        s = "\"" + q + ",\" " + spk.text + " told reporters in " + sCap(f.s);
        if (r_.pct(50)) s += " " + timeExpr();
        if (r_.pct(30)) s += adjunct(f, VC, true);
        break;
      case 3:
        s = "\"" + q + ",\" said " + actor(f.s, END, SPEAKER).text;
        break;
      default:
        s = J({spk.text, " described the situation ", locExpr(), " as \"", list("QUALQ", f), "\" and said ",
               clause(1)});
    }
    remember(spk, f.s);
    return s;
  }

  std::string bFronted() {
    std::string s;
    switch (r_.weighted({18, 14, 14, 14, 10, 10, 14, 6})) {
      case 0: {
        Main m = mainClause(0, true, (1u << VC) | (1u << VX) | (1u << MD));
        s = J({"In a statement released ", timeExpr(), ", ", m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        if (r_.pct(45)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
        remember(m.s, m.f.s);
        break;
      }
      case 1: {
        const Side sd = anySide();
        const Actor p = actor(sd, OBJ, LD);
        s = "Speaking at a news conference in " + std::string(sCap(sd)) + ", " + p.text + " said that " + clause(2);
        remember(p, sd);
        break;
      }
      case 2: {
        Main m = mainClause(0, true, (1u << VC) | (1u << MC) | (1u << MD));
        s = J({"After talks in ", thirdCapital(), " ", timeExpr(), ", ", m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        if (r_.pct(40)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
        remember(m.s, m.f.s);
        break;
      }
      case 3: {
        Main m = mainClause();
        s = J({"Following ", list("INCIDENT", m.f), ", ", m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        if (r_.pct(50)) s += " " + timeExpr();
        remember(m.s, m.f.s);
        break;
      }
      case 4: {
        Main m = mainClause();
        s = J({"Despite ", list("OBSTACLE", m.f), ", ", m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        if (r_.pct(60)) s += " " + timeExpr();
        if (r_.pct(30)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
        remember(m.s, m.f.s);
        break;
      }
      case 5: {
        Main m = mainClause(0, true, (1u << VC) | (1u << VX) | (1u << MD));
        if ((m.s.kind == 1 || (m.s.cls & DP)) && !hasPlace(m.v)) {
          s = J({"During a visit to ", thirdCapital(), " ", timeExpr(), ", ", m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        } else {
          s = J({"In a statement released ", timeExpr(), ", ", m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        }
        remember(m.s, m.f.s);
        break;
      }
      case 6: {
        static const std::vector<const char*> conn = {"Meanwhile, ", "Separately, ", "Earlier, ",
                                                      "In a separate development, ", "Elsewhere, ", "Later, "};
        Main m = mainClause();
        s = J({r_.pick(conn), m.s.text, " ", vp(*m.v, PAST, m.f, 2)});
        if (m.v->cat == MX && !hasPlace(m.v) && r_.pct(50)) s += " " + locExpr();
        if (r_.pct(50)) s += " " + timeExpr();
        if (r_.pct(30)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
        remember(m.s, m.f.s);
        break;
      }
      default: {
        const std::string c = clause(1, true);
        Main m = mainClause();
        s = "Two days after " + c + ", " + m.s.text + " " + vp(*m.v, PAST, m.f, 2);
        if (r_.pct(40)) s += adjunct(m.f, m.v->cat, canSpeak(m.s));
        remember(m.s, m.f.s);
      }
    }
    return s;
  }

  std::string bConditional() {
    Frame f = pairFrame();
    // condition about the other side: "does not <cooperate>" or "<escalates>"
    Frame c;
    c.s = f.o;
    c.o = f.s;
    c.x = c.s;
    setSubjSide(c);
    const bool neg = r_.pct(50);
    const Verb* cv = pickVerb(c, neg ? (1u << VC) | (1u << MC) : (1u << VX) | (1u << MX), INF, 1);
    const Verb* mv = pickVerb(f, (1u << VX) | (1u << MX), 0, 1, sideClasses(f.s) & ~CI);
    if (!cv || !mv) return bSimple();
    const Actor ca = actor(c.s, OBJ, cv->subj);
    setSubj(c, ca);
    const unsigned mm = mv->subj & ~CI;
    const Actor ma = actor(f.s, OBJ, mm ? mm : ST);
    setSubj(f, ma);
    std::string s = "If " + ca.text;
    if (neg)
      s += (ca.plural ? " do not " : " does not ") + vp(*cv, BASE, c, 1);
    else
      s += " " + vp(*cv, ca.plural ? BASE : S3, c, 1);
    s += ", " + ma.text;
    s += r_.pct(70) ? " will " + vp(*mv, BASE, f, 1) : " will have no choice but to " + vp(*mv, BASE, f, 1);
    s += J({", ", speaker(f.s, OBJ), r_.pct(50) ? " warned" : " said"});
    if (r_.pct(50)) s += " " + timeExpr();
    return s;
  }

  std::string bPerfect() {
    Main m = mainClause();
    std::string s;
    if (r_.pct(70)) {
      s = m.s.text + (m.s.plural ? " have " : " has ") + vp(*m.v, PP, m.f, 2);
      switch (r_.weighted({35, (m.v->flags & DUR) ? 35 : 0, 30})) {
        case 0: s += " for the first time since " + std::to_string(year_ - r_.range(2, 15)); break;
        case 1: s += J({" ", r_.pct(50) ? "several times" : "repeatedly", " since ", sinceDate()}); break;
        default: {
          static const std::vector<const char*> recent = {"in recent days", "in recent weeks", "this week",
                                                          "over the past month", "in the past 24 hours"};
          s += std::string(" ") + r_.pick(recent);
        }
      }
    } else {
      m = mainClause(DUR);
      s = J({m.s.text, m.s.plural ? " have been " : " has been ", vp(*m.v, GER, m.f, 2), " for ",
             kNumWords[r_.range(2, 10)], r_.pct(50) ? " weeks" : " months"});
    }
    if (r_.pct(65)) s += ", " + attribution();
    remember(m.s, m.f.s);
    return s;
  }

  std::string bRecip() {
    if (hardline_) return bSimple();
    const bool cc = A_.c >= 0 && B_.c >= 0;
    std::string subj;
    unsigned cls = ST;
    bool threeWay = false;
    const std::string a = sName(A_), b = sName(B_);
    const bool leaders = (sideClasses(A_) & LD) && (sideClasses(B_) & LD);
    switch (r_.weighted({25, 18, cc ? 10 : 0, cc ? 10 : 0, leaders ? 10 : 0, sidx_ > 0 ? 14 : 0, 7, 8})) {
      case 0: subj = a + " and " + b; cls = ST | MI; break;
      case 1: {
        static const std::vector<const char*> mil = {"troops", "forces", "soldiers", "border guards"};
        static const std::vector<const char*> dip = {"officials", "negotiators", "diplomats", "delegations"};
        const bool m = r_.pct(50);
        subj = std::string(sAdj(A_)) + " and " + sAdj(B_) + " " + r_.pick(m ? mil : dip);
        cls = m ? MI : ST;
        break;
      }
      case 2: subj = "the foreign ministers of " + a + " and " + b; break;
      case 3: subj = "the leaders of " + a + " and " + b; break;
      case 4: {
        subj = J({actor(A_, OBJ, LD).text, " and ", actor(B_, OBJ, LD).text});
        cls = ST;
        break;
      }
      case 5: {
        static const std::vector<const char*> cs = {"the two countries", "both sides", "the two sides",
                                                    "the two governments", "the two neighbors"};
        static const std::vector<const char*> gs = {"both sides", "the two sides", "the warring parties"};
        subj = r_.pick(cc ? cs : gs);
        cls = ST | MI;
        break;
      }
      case 6: subj = "representatives of " + a + " and " + b; break;
      default:
        subj = std::string(sName(M_)) + ", " + a + (r_.pct(50) ? ", and " : " and ") + b;
        threeWay = true;
    }
    const auto& rs = recips();
    const Recip* rc = nullptr;
    for (int t = 0; t < 80 && !rc; ++t) {
      const Recip& x = r_.pick(rs);
      if (!(x.cls & cls) || (threeWay && !x.threeWay)) continue;
      if (distant_ && (x.cls == MI)) continue;
      if (hardline_ && !(x.cls & MI)) continue;
      rc = &x;
    }
    if (!rc) return bSimple();
    Frame f = pairFrame();
    f.splural = true;
    f.spron = "they";
    f.sposs = "their";
    std::string rest;
    fill(rest, rc->rest, f, 1);
    std::string s = subj + " ";
    const std::size_t tense = r_.weighted({70, 15, 15});
    switch (tense) {
      case 0: s += std::string(rc->past) + " " + rest; break;
      case 1: s += std::string("have ") + rc->pp + " " + rest; break;
      default: s += std::string(r_.pct(50) ? "are expected to " : "will ") + rc->base + " " + rest;
    }
    const bool placed = std::strstr(rc->rest, "{PN}") || std::strstr(rc->rest, "border") ||
                        std::strstr(rc->rest, "line of contact") || std::strstr(rc->rest, "{CAPX}");
    if ((rc->cls & MI) && !placed && r_.pct(30)) s += " " + locExpr();
    if (tense == 0 && r_.pct(75)) s += " " + timeExpr();
    if (tense == 2 && r_.pct(50)) s += r_.pct(50) ? " in the coming days" : " later this month";
    if (r_.pct(60)) s += adjunct(f, rc->cls == MI ? MX : VC, false);
    else if (r_.pct(50)) s += ", " + attribution();
    return s;
  }

  std::string bHyphen() {
    if (A_.c < 0 || B_.c < 0) return bRecip();
    const std::string ha = std::string(sAdj(A_)) + "-" + sAdj(B_);
    Frame f = pairFrame();
    std::string s;
    const int b = distant_ ? 0 : 1;
    switch (r_.weighted({20 * b, 20, 20, 15, 15, 10 * b})) {
      case 0: s = J({"The ", ha, " border remained tense ", timeExpr(), " after ", clause(1)}); break;
      case 1:
        s = J({ha, " talks on ", list("TOPIC", f), " resumed in ", thirdCapital(), " ", timeExpr(),
               adjunct(f, VC, false)});
        break;
      case 2:
        s = J({"The latest round of ", ha, " negotiations ended ", timeExpr(), " without agreement on ",
               list("TOPIC", f), ", ", speaker(anySide(), OBJ), " said"});
        break;
      case 3:
        s = J({"A joint ", ha, " commission on ", list("TOPIC", f), " met for the first time in ", thirdCapital(), " ",
               timeExpr()});
        break;
      case 4: {
        static const std::vector<const char*> st = {"was at a critical stage", "had stalled",
                                                    "was moving in the right direction", "could collapse"};
        s = J({speaker(anySide(), SUBJ), " said the ", ha, " peace process ", r_.pick(st), adjunct(f, VC)});
        break;
      }
      default:
        s = J({"Trade across the ", ha, " border has fallen sharply since ", sinceDate(), ", ", src(), " said"});
    }
    return s;
  }

  std::string bMediator() {
    if (hardline_) return bSimple();
    Frame f = medFrame();
    const Verb* v = pickVerb(f, 1u << MD, 0, 1);
    if (!v) return bSimple();
    const Actor m = actor(f.s, SUBJ, v->subj);
    setSubj(f, m);
    std::string s;
    switch (r_.weighted({60, 25, 15})) {
      case 0:
        s = m.text + " " + vp(*v, PAST, f, 1);
        if (r_.pct(70)) s += " " + timeExpr();
        if (r_.pct(60)) s += adjunct(f, VC);
        break;
      case 1: {
        static const std::vector<const char*> ready = {
            "mediate between {C} and {C2}", "host a new round of talks between {C} and {C2}",
            "send observers to {PN}", "help {C} and {C2} reach a lasting settlement",
            "guarantee any agreement between {C} and {C2}"};
        std::string what;
        fill(what, r_.pick(ready), f, 1);
        s = m.text + " said " + f.spron + (f.splural ? " were" : " was") + " ready to " + what;
        if (r_.pct(50)) s += " " + timeExpr();
        break;
      }
      default: {
        s = J({bothText(), " welcomed an offer by ", sName(M_), " to ", r_.pct(50) ? "mediate" : "host talks", ", ",
               attribution()});
      }
    }
    remember(m, f.s);
    return s;
  }

  std::string filler() {
    // pick a country connected with the report
    const Side* sides[3] = {&A_, &B_, &M_};
    int c = -1;
    for (int t = 0; t < 6 && c < 0; ++t) c = sides[r_.weighted({43, 43, 14})]->pc;
    if (c < 0) c = allies_[0];
    const Country& k = countries()[static_cast<std::size_t>(c)];
    std::size_t fi = 0;
    for (int t = 0; t < 8; ++t) {
      fi = static_cast<std::size_t>(r_.below(fillers().size()));
      bool used = false;
      for (std::size_t u : usedFillers_) used = used || u == fi;
      if (!used) break;
    }
    usedFillers_.push_back(fi);
    const char* t = fillers()[fi];
    std::string out;
    while (*t) {
      if (*t != '{') {
        out.push_back(*t++);
        continue;
      }
      const char* e = std::strchr(t, '}');
      const std::string_view key(t + 1, static_cast<std::size_t>(e - t - 1));
      t = e + 1;
      if (key == "FC") out += k.name;
      else if (key == "FCP") out += possessive(k.name);
      else if (key == "FCAP") out += k.capital;
      else if (key == "FCUR") out += k.currency;
      else if (key == "VS") out += std::strstr(k.currency, "dollar") ? "the euro" : "the dollar";
      else if (key == "PN") out += townPlace(c);
      else if (key == "PCT") out += std::to_string(r_.range(4, 45));
      else if (key == "PCTD") out += J({std::to_string(r_.range(1, 7)), ".", std::to_string(r_.range(1, 9))});
      else if (key == "TEMP") out += std::to_string(r_.range(35, 48));
      else if (key == "POP") out += J({std::to_string(r_.range(1, 9)), ".", std::to_string(r_.range(1, 9))});
      else if (key == "POP2") out += std::to_string(r_.range(3, 120));
      else if (key == "OILP") out += std::to_string(r_.range(55, 115));
      else if (key == "WEEKDAY") out += kWeekdays[r_.below(7)];
      else if (key == "MONTH") out += kMonths[r_.below(12)];
      else if (key == "YEAR") out += std::to_string(year_);
      else if (key == "YEARP") out += std::to_string(year_ - r_.range(2, 20));
      else if (key == "AGE") out += std::to_string(r_.range(22, 30));
      else if (key == "HRS") out += kNumWords[r_.range(4, 10)];
      else if (key == "YRS") out += std::to_string(r_.range(20, 80));
      else if (key == "MONTHS") out += kNumWords[r_.range(3, 10)];
      else if (key == "SEATS") out += thousands(r_.range(8, 90) * 1000LL);
      else out += "?";
    }
    return out;
  }

  std::string makeTitle() {
    shortNames_ = true;
    std::string s;
    Frame f = pairFrame();
    const std::size_t k = r_.weighted({45, 10, 10, 8, (A_.c >= 0 && B_.c >= 0 && !distant_) ? 8 : 0, 8, 7, 4});
    switch (k) {
      case 1: {
        static const std::vector<const char*> t = {"{N} killed as fighting flares near {PN}",
                                                   "At least {N} dead after strikes on {PN}",
                                                   "{N} civilians killed in {PN}, officials say",
                                                   "Death toll in {PN} rises to {N}"};
        s = r_.pick(t);
        const std::size_t p = s.find("{N}");
        s.replace(p, 3, std::to_string(r_.range(3, 90)));
        const std::size_t q = s.find("{PN}");
        s.replace(q, 4, townPlace(nullptr));
        break;
      }
      case 2:
        s = std::string(sName(M_)) + (org(M_) && org(M_)->plural && M_.c < 0 ? " call" : " calls") +
            " for calm after clashes near " + place();
        break;
      case 3: {
        std::string what;
        fill(what, r_.pick(listFor("IREC")), f, 0);
        s = std::string(sName(A_)) + " and " + sName(B_) + " agree to " + what;
        break;
      }
      case 4:
        s = std::string("Tensions rise along ") + sAdj(A_) + "-" + sAdj(B_) + " border";
        break;
      case 5: {
        const bool pl = f.s.c < 0 && org(f.s)->plural;
        s = std::string(sName(f.s)) + (pl ? " say " : " says ") + sName(f.o) + " violated ceasefire near " + place();
        break;
      }
      case 6: {
        Frame g = medFrame();
        const Verb* v = pickVerb(g, (1u << MD) | (1u << VC), TTL, 1, sideClasses(g.s) & ~(LD | SPK));
        if (v) {
          const Actor a = actor(g.s, SUBJ, v->subj);
          setSubj(g, a);
          s = a.text + " " + vp(*v, S3, g, 1);
        }
        break;
      }
      case 7:
        s = r_.pct(50) ? "What we know about the fighting in " + place()
                       : std::string("Explainer: why ") + place() + " matters to " + sName(A_) + " and " + sName(B_);
        break;
      default:
        break;
    }
    if (s.empty()) {
      const Verb* v = pickVerb(f, pairCats(), TTL, 1, sideClasses(f.s) & ~(LD | SPK));
      if (v) {
        const Actor a = actor(f.s, SUBJ, v->subj);
        setSubj(f, a);
        s = a.text + " " + vp(*v, S3, f, 1);
      } else {
        s = std::string(sName(A_)) + " and " + sName(B_) + " trade accusations";
      }
    }
    shortNames_ = false;
    capitalizeFirst(s);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

  std::string sentence() {
    std::string s;
    if (r_.pct(20)) {
      s = filler();  // complete sentence with its own full stop
    } else {
      switch (r_.weighted({18, 8, 12, 8, 7, 5, 8, 8, 6, 6, 6, 7, 3, 4, 7, 3, 6})) {
        case 0: s = bSimple(); break;
        case 1: s = bPassive(); break;
        case 2: s = bReported(); break;
        case 3: s = bTrailing(); break;
        case 4: s = bRelative(); break;
        case 5: s = bSubjRel(); break;
        case 6: s = bNegation(); break;
        case 7: s = bModal(); break;
        case 8: s = bPronoun(); break;
        case 9: s = bCasualty(); break;
        case 10: s = bQuote(); break;
        case 11: s = bFronted(); break;
        case 12: s = bConditional(); break;
        case 13: s = bPerfect(); break;
        case 14: s = bRecip(); break;
        case 15: s = bHyphen(); break;
        default: s = bMediator(); break;
      }
      if (!s.empty() && s.back() != '"' && countWords(s) < 18 && s.find(", ") == std::string::npos && r_.pct(85)) {
        // lengthen short event sentences with a neutral adverbial tail
        Frame f = pairFrame();
        const bool perfect = s.find(" has ") != std::string::npos || s.find(" have ") != std::string::npos ||
                             s.find(" since ") != std::string::npos;
        switch (r_.weighted({35, perfect ? 0 : 35, 15, 15})) {
          case 0: s += ", " + list("CONTEXT", f); break;
          case 1: {
            static const std::vector<const char*> w = {", a day after ", ", two days after ", ", hours after ",
                                                       ", just days after ", ", a week after "};
            s += J({r_.pick(w), clause(1, true)});
            break;
          }
          case 2: s += ", despite " + list("OBSTACLE", f); break;
          default:
            s += std::string(", in the latest sign of ") +
                 (r_.pct(50) ? "rising tension between the two sides" : "a deepening crisis in the region");
        }
      }
      if (s.empty() || s.back() != '"') {
        // never let an abbreviation ("U.S.", "Jr.", "Dec.") end the sentence
        if (!s.empty() && s.back() == '.') s += std::string(" on ") + kWeekdays[r_.below(7)];
        s += '.';
      }
    }
    capitalizeFirst(s);
    return s;
  }
};

// --------------------------------------------------------------------- main

void usage(FILE* to) {
  std::fprintf(to,
               "usage: corpus_gen --mb N [--seed S] [--sentences-per-report K] > corpus.jsonl\n"
               "  --mb N                    stop after at least N megabytes (10^6 bytes); may be fractional\n"
               "  --seed S                  random seed (default 1)\n"
               "  --sentences-per-report K  sentences per report (default 20)\n");
}

bool parseU64(const char* s, std::uint64_t& out) {
  if (!s || !*s) return false;
  char* end = nullptr;
  errno = 0;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (errno || *end || s[0] == '-') return false;
  out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = -1;
  std::uint64_t seed = 1;
  std::uint64_t spr = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const char* val = i + 1 < argc ? argv[i + 1] : nullptr;
    if (a == "-h" || a == "--help") {
      usage(stdout);
      return 0;
    } else if (a == "--mb" && val) {
      char* end = nullptr;
      mb = std::strtod(val, &end);
      if (*end || !(mb > 0)) {
        std::fprintf(stderr, "corpus_gen: bad --mb value: %s\n", val);
        return 1;
      }
      ++i;
    } else if (a == "--seed" && val) {
      if (!parseU64(val, seed)) {
        std::fprintf(stderr, "corpus_gen: bad --seed value: %s\n", val);
        return 1;
      }
      ++i;
    } else if (a == "--sentences-per-report" && val) {
      if (!parseU64(val, spr) || spr == 0 || spr > 100000) {
        std::fprintf(stderr, "corpus_gen: bad --sentences-per-report value: %s\n", val);
        return 1;
      }
      ++i;
    } else {
      std::fprintf(stderr, "corpus_gen: unknown or incomplete argument: %s\n", argv[i]);
      usage(stderr);
      return 1;
    }
  }
  if (mb <= 0) {
    usage(stderr);
    return 1;
  }

  const auto t0 = std::chrono::steady_clock::now();
  const std::uint64_t target = static_cast<std::uint64_t>(mb * 1e6 + 0.5);
  Gen gen(seed, static_cast<int>(spr));
  std::string buf;
  buf.reserve(1 << 21);
  std::uint64_t bytes = 0, reports = 0;
  while (bytes < target) {
    const std::size_t before = buf.size();
    gen.writeReport(buf, ++reports);
    bytes += buf.size() - before;
    if (buf.size() >= (1u << 20)) {
      if (std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) {
        std::fprintf(stderr, "corpus_gen: write error\n");
        return 1;
      }
      buf.clear();
    }
  }
  if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) {
    std::fprintf(stderr, "corpus_gen: write error\n");
    return 1;
  }
  if (std::fflush(stdout) != 0) {
    std::fprintf(stderr, "corpus_gen: write error\n");
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr,
               "corpus_gen: reports=%llu sentences=%llu words=%llu bytes=%llu "
               "avg_words_per_sentence=%.2f seconds=%.2f\n",
               static_cast<unsigned long long>(reports), static_cast<unsigned long long>(gen.sentences),
               static_cast<unsigned long long>(gen.words), static_cast<unsigned long long>(bytes),
               gen.sentences ? static_cast<double>(gen.words) / static_cast<double>(gen.sentences) : 0.0, secs);
  return 0;
}
