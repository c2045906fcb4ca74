#include "dyad/events/clauses.h"

namespace dyad {

const char* clause_kind_name(ClauseKind k) {
  switch (k) {
    case ClauseKind::Main: return "main";
    case ClauseKind::Complement: return "complement";
    case ClauseKind::Relative: return "relative";
    case ClauseKind::Participial: return "participial";
    case ClauseKind::Subordinate: return "subordinate";
    case ClauseKind::Parenthetical: return "parenthetical";
  }
  return "?";
}

ClauseSegmenter::ClauseSegmenter(const Lexicon& lex) {
  w_that_ = lex.find("that");
  w_although_ = lex.find("although"); w_though_ = lex.find("though"); w_while_ = lex.find("while");
  w_because_ = lex.find("because"); w_whereas_ = lex.find("whereas"); w_unless_ = lex.find("unless");
  w_if_ = lex.find("if"); w_but_ = lex.find("but"); w_where_ = lex.find("where");
}

void ClauseSegmenter::segment(std::string_view text, const std::vector<Token>& tokens, uint32_t first, uint32_t last,
                              ClauseMap& out) const {
  out.clauses.clear();
  out.of_token.assign(last - first, 0);
  out.clauses.push_back(Clause{});
  std::vector<int> stack;  // clauses interrupted by the current one
  int cur = 0;
  auto open = [&](ClauseKind kind, uint32_t opener, int parent, bool push) {
    if (push) stack.push_back(cur);
    Clause c;
    c.kind = kind;
    c.parent = parent;
    c.opener = opener;
    out.clauses.push_back(c);
    cur = int(out.clauses.size() - 1);
  };
  auto is_comma = [&](uint32_t k) { return tokens[k].tag == Tag::Punct && text[tokens[k].begin] == ','; };
  auto main_clause = [&]() {
    // The nearest enclosing clause that is not an adjunct.
    int c = cur;
    while (c > 0 && out.clauses[c].kind != ClauseKind::Main) c = out.clauses[c].parent >= 0 ? out.clauses[c].parent : 0;
    return c;
  };
  bool seen_main_verb = false;
  for (uint32_t k = first; k < last; ++k) {
    const Token& t = tokens[k];
    char c0 = text[t.begin];
    // Parentheticals: "- a region on the border -", "( ... )".
    if (t.tag == Tag::Dash || (t.tag == Tag::Punct && (c0 == '(' || c0 == ')'))) {
      bool closing = (c0 == ')' || t.tag == Tag::Dash) && out.clauses[cur].kind == ClauseKind::Parenthetical &&
                     !stack.empty();
      if (closing) {
        out.of_token[k - first] = int16_t(cur);
        cur = stack.back();
        stack.pop_back();
        continue;
      }
      if (c0 != ')' && k + 1 < last) {
        out.of_token[k - first] = int16_t(cur);
        open(ClauseKind::Parenthetical, k, cur, true);
        continue;
      }
    }
    if (t.tag == Tag::Punct && c0 == ';') {
      out.of_token[k - first] = int16_t(cur);
      stack.clear();
      open(ClauseKind::Main, k, -1, false);
      seen_main_verb = false;
      continue;
    }
    if (is_comma(k)) {
      out.of_token[k - first] = int16_t(cur);
      Clause& c = out.clauses[cur];
      const Token* next = k + 1 < last ? &tokens[k + 1] : nullptr;
      bool next_participle = next && (next->tag == Tag::VBG || next->tag == Tag::VBN);
      if (c.initial && (c.kind == ClauseKind::Subordinate || c.kind == ClauseKind::Participial ||
                        c.kind == ClauseKind::Complement)) {
        // "Stressing that ..., Zakharova noted": the main clause starts after the comma.
        stack.clear();
        if (next_participle) {
          open(ClauseKind::Participial, k + 1, -1, false);
          out.clauses[cur].initial = true;
        } else {
          open(ClauseKind::Main, k, -1, false);
        }
        continue;
      }
      if (c.kind == ClauseKind::Relative && !stack.empty()) {
        cur = stack.back();
        stack.pop_back();
      }
      if (next_participle && seen_main_verb) {
        // ", protesting against ...", ", noting that ...": an adjunct of the main clause.
        int m = main_clause();
        stack.clear();
        open(ClauseKind::Participial, k + 1, m, false);
        continue;
      }
      if (next && next->word == w_but_) {
        stack.clear();
        open(ClauseKind::Main, k, -1, false);
        seen_main_verb = false;
        continue;
      }
      continue;
    }
    bool at_start = k == first || (k > first && tokens[k - 1].tag == Tag::Quote && k - 1 == first);
    // Relative clauses: a noun (or a closing parenthetical) then which/who/that.
    if ((t.tag == Tag::WDT || t.tag == Tag::WP || (t.word == w_where_ && k > first && is_comma(k - 1))) && k > first) {
      uint32_t p = k - 1;
      if (is_comma(p) && p > first) --p;
      bool after_noun = is_noun(tokens[p].tag) || tokens[p].tag == Tag::Dash || tokens[p].tag == Tag::PRP ||
                        (tokens[p].tag == Tag::Punct && text[tokens[p].begin] == ')');
      if (after_noun) {
        // A relative inside a relative ("the link between X and Y which runs ...") nests.
        open(ClauseKind::Relative, k, cur, true);
        out.of_token[k - first] = int16_t(cur);
        continue;
      }
    }
    // Complement clauses: "said that ...".
    if (t.word == w_that_ && t.tag == Tag::IN && k > first) {
      bool initial = out.clauses[cur].initial;
      open(ClauseKind::Complement, k, cur, true);
      out.clauses[cur].initial = initial;
      // The verb that introduces it: the nearest one before "that", past time and place
      // adverbials ("said here on Wednesday that").
      for (uint32_t q = k; q > first && k - q < 6;) {
        const Token& b = tokens[--q];
        if (is_verb(b.tag)) {
          out.clauses[cur].governor = int(q);
          break;
        }
        if (!(b.tag == Tag::RB || b.tag == Tag::IN || b.tag == Tag::NNP || b.tag == Tag::CD || b.tag == Tag::DT ||
              b.tag == Tag::NN))
          break;
      }
      out.of_token[k - first] = int16_t(cur);
      continue;
    }
    // Subordinate clauses and sentence-initial participles.
    if (t.tag == Tag::IN && (t.word == w_although_ || t.word == w_though_ || t.word == w_while_ ||
                             t.word == w_because_ || t.word == w_whereas_ || t.word == w_unless_ || t.word == w_if_)) {
      bool condition = t.word == w_if_ || t.word == w_unless_;  // always introduces a clause
      if (at_start || (k > first && is_comma(k - 1)) || condition) {
        open(ClauseKind::Subordinate, k, cur, !at_start);
        out.clauses[cur].initial = at_start;
        out.clauses[cur].conditional = t.word == w_if_ || t.word == w_unless_;
        out.of_token[k - first] = int16_t(cur);
        continue;
      }
    }
    if (at_start && (t.tag == Tag::VBG || t.tag == Tag::VBN)) {
      out.clauses[cur].kind = ClauseKind::Participial;
      out.clauses[cur].initial = true;
      out.clauses[cur].opener = k;
    }
    if (is_finite_verb(t.tag) || t.tag == Tag::MD) {
      if (out.clauses[cur].kind == ClauseKind::Main) seen_main_verb = true;
      else if (cur > 0 && out.clauses[cur].kind != ClauseKind::Parenthetical) seen_main_verb = true;
    }
    out.of_token[k - first] = int16_t(cur);
  }
}

}  // namespace dyad
