//! A small POSIX extended regular expression matcher, for config.c's category filters.
//!
//! does_category_match compiles each side of a `name=value` filter term with
//! `regcomp(REG_EXTENDED | REG_NOSUB)` and asks `regexec` whether it matches anywhere in the
//! text (unanchored, case-sensitive). Only "does it match" matters, so this is a Pike VM
//! without captures: linear in the text, no backtracking.
//!
//! Supported (as glibc reads an ERE): literals, `.`, `^`, `$`, bracket expressions with
//! ranges, `[:class:]`, `[=c=]` and `[.c.]`, groups, `|`, `*`, `+`, `?`, `{m}`, `{m,}`,
//! `{m,n}`, and the GNU escapes `\w \W \s \S \b \B \< \> \` \'`. What glibc refuses (a
//! quantifier with nothing to repeat or after an anchor, an unclosed `(` or `[`, a bad
//! interval or range) is a compile error here too; config.c then logs the error and the
//! filter matches nothing. One difference: glibc accepts back-references (`\1`), which a
//! matcher without captures cannot check, so they are refused here.

/// Why a pattern does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RegexError(pub(crate) &'static str);

/// Largest program compiled; larger patterns are refused.
const MAX_PROGRAM: usize = 20_000;

mod parse;
#[cfg(test)]
mod tests;

use parse::{Assert, Node, Parser};

#[derive(Debug, Clone, Copy)]
enum Inst {
    Char(char),
    Any,
    Class(usize),
    Assert(Assert),
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub(crate) struct Regex {
    program: Vec<Inst>,
    classes: Vec<parse::Class>,
}

impl Regex {
    /// Compile `pattern` as `regcomp(REG_EXTENDED | REG_NOSUB)` would.
    pub(crate) fn new(pattern: &str) -> Result<Regex, RegexError> {
        let mut parser = Parser::new(pattern);
        let node = parser.alternation()?;
        if parser.pos < parser.chars.len() {
            return Err(RegexError("unmatched ( or )"));
        }
        let mut program = Vec::new();
        emit(&node, &mut program)?;
        program.push(Inst::Match);
        Ok(Regex {
            program,
            classes: parser.classes,
        })
    }

    /// True when the pattern matches anywhere in `text` (regexec with no flags).
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let mut current = ThreadList::new(self.program.len());
        let mut next = ThreadList::new(self.program.len());
        for pos in 0..=chars.len() {
            if self.add(&mut current, 0, &chars, pos) {
                return true;
            }
            let Some(&c) = chars.get(pos) else { break };
            next.clear();
            for i in 0..current.dense.len() {
                let pc = current.dense[i];
                let step = match self.program[pc] {
                    Inst::Char(x) => x == c,
                    Inst::Any => true,
                    Inst::Class(k) => self.classes[k].matches(c),
                    _ => false,
                };
                if step && self.add(&mut next, pc + 1, &chars, pos + 1) {
                    return true;
                }
            }
            std::mem::swap(&mut current, &mut next);
        }
        false
    }

    /// Follow the empty transitions from `pc` at `pos`; true when `Match` is reached.
    fn add(&self, list: &mut ThreadList, pc: usize, chars: &[char], pos: usize) -> bool {
        let mut stack = vec![pc];
        while let Some(pc) = stack.pop() {
            if !list.insert(pc) {
                continue;
            }
            match self.program[pc] {
                Inst::Match => return true,
                Inst::Jmp(to) => stack.push(to),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Assert(a) => {
                    if holds(a, chars, pos) {
                        stack.push(pc + 1);
                    }
                }
                Inst::Char(_) | Inst::Any | Inst::Class(_) => {}
            }
        }
        false
    }
}

fn is_word(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

fn holds(assert: Assert, chars: &[char], pos: usize) -> bool {
    let before = is_word(pos.checked_sub(1).and_then(|p| chars.get(p)));
    let after = is_word(chars.get(pos));
    match assert {
        Assert::Start => pos == 0,
        Assert::End => pos == chars.len(),
        Assert::WordBoundary => before != after,
        Assert::NotWordBoundary => before == after,
        Assert::WordStart => !before && after,
        Assert::WordEnd => before && !after,
    }
}

/// A sparse set of program counters.
struct ThreadList {
    dense: Vec<usize>,
    sparse: Vec<usize>,
}

impl ThreadList {
    fn new(size: usize) -> Self {
        ThreadList {
            dense: Vec::with_capacity(size),
            sparse: vec![usize::MAX; size],
        }
    }

    fn insert(&mut self, pc: usize) -> bool {
        let slot = self.sparse[pc];
        if slot < self.dense.len() && self.dense[slot] == pc {
            return false;
        }
        self.sparse[pc] = self.dense.len();
        self.dense.push(pc);
        true
    }

    fn clear(&mut self) {
        self.dense.clear();
    }
}

fn emit(node: &Node, out: &mut Vec<Inst>) -> Result<(), RegexError> {
    if out.len() > MAX_PROGRAM {
        return Err(RegexError("regular expression too big"));
    }
    match node {
        Node::Lit(c) => out.push(Inst::Char(*c)),
        Node::Any => out.push(Inst::Any),
        Node::Class(k) => out.push(Inst::Class(*k)),
        Node::Assert(a) => out.push(Inst::Assert(*a)),
        Node::Cat(items) => {
            for item in items {
                emit(item, out)?;
            }
        }
        Node::Alt(branches) => {
            let mut jumps = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                if i + 1 < branches.len() {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(branch, out)?;
                    jumps.push(out.len());
                    out.push(Inst::Jmp(0));
                    let next = out.len();
                    out[split] = Inst::Split(split + 1, next);
                } else {
                    emit(branch, out)?;
                }
            }
            let end = out.len();
            for j in jumps {
                out[j] = Inst::Jmp(end);
            }
        }
        Node::Rep(inner, min, max) => {
            for _ in 0..*min {
                emit(inner, out)?;
            }
            match max {
                None => {
                    let split = out.len();
                    out.push(Inst::Split(split + 1, 0));
                    emit(inner, out)?;
                    out.push(Inst::Jmp(split));
                    let end = out.len();
                    out[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(out.len());
                        out.push(Inst::Split(out.len() + 1, 0));
                        emit(inner, out)?;
                    }
                    let end = out.len();
                    for s in splits {
                        out[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
    Ok(())
}
