//! Reading an extended regular expression into a syntax tree, as glibc's regcomp reads one
//! with REG_EXTENDED (RE_SYNTAX_POSIX_EXTENDED: a quantifier with nothing to repeat is an
//! error, an unmatched `)` is an ordinary character).

use super::RegexError;

/// Deepest group nesting read; deeper patterns are refused.
const MAX_DEPTH: usize = 200;

#[derive(Debug, Clone)]
pub(super) enum Node {
    Lit(char),
    Any,
    Class(usize),
    Assert(Assert),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Rep(Box<Node>, u32, Option<u32>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Assert {
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
}

#[derive(Debug, Clone)]
pub(super) struct Class {
    negated: bool,
    chars: Vec<char>,
    ranges: Vec<(char, char)>,
    named: Vec<fn(char) -> bool>,
}

impl Class {
    pub(super) fn matches(&self, c: char) -> bool {
        let hit = self.chars.contains(&c)
            || self.ranges.iter().any(|&(a, b)| a <= c && c <= b)
            || self.named.iter().any(|f| f(c));
        hit != self.negated
    }
}

pub(super) struct Parser {
    pub(super) chars: Vec<char>,
    pub(super) pos: usize,
    depth: usize,
    pub(super) classes: Vec<Class>,
}

impl Parser {
    pub(super) fn new(pattern: &str) -> Self {
        Parser {
            chars: pattern.chars().collect(),
            pos: 0,
            depth: 0,
            classes: Vec::new(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    pub(super) fn alternation(&mut self) -> Result<Node, RegexError> {
        let mut branches = vec![self.concatenation()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            branches.push(self.concatenation()?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Cat(Vec::new()))
        } else {
            Node::Alt(branches)
        })
    }

    fn concatenation(&mut self) -> Result<Node, RegexError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            match c {
                '|' => break,
                ')' if self.depth > 0 => break,
                '*' | '+' | '?' => return Err(RegexError("invalid preceding regular expression")),
                '{' => return Err(RegexError("invalid preceding regular expression")),
                _ => {}
            }
            let mut atom = self.atom()?;
            let anchor = matches!(atom, Node::Assert(_));
            if anchor && matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
                return Err(RegexError("invalid preceding regular expression"));
            }
            while let Some((min, max)) = self.quantifier()? {
                atom = Node::Rep(Box::new(atom), min, max);
            }
            items.push(atom);
        }
        Ok(Node::Cat(items))
    }

    fn quantifier(&mut self) -> Result<Option<(u32, Option<u32>)>, RegexError> {
        let q = match self.peek() {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            Some('{') => {
                self.pos += 1;
                let min = match self.number() {
                    Some(n) => n,
                    None if self.peek() == Some(',') => 0,
                    None => return Err(RegexError("invalid content of \\{\\}")),
                };
                let max = if self.peek() == Some(',') {
                    self.pos += 1;
                    self.number()
                } else {
                    Some(min)
                };
                if self.peek() != Some('}') {
                    return Err(RegexError("unmatched \\{"));
                }
                if max.is_some_and(|m| m < min) || min > 0x7fff || max.is_some_and(|m| m > 0x7fff) {
                    return Err(RegexError("invalid content of \\{\\}"));
                }
                (min, max)
            }
            _ => return Ok(None),
        };
        self.pos += 1;
        Ok(Some(q))
    }

    fn number(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits: String = self.chars[start..self.pos].iter().collect();
        digits.parse().ok()
    }

    fn atom(&mut self) -> Result<Node, RegexError> {
        let Some(c) = self.peek() else {
            return Err(RegexError("premature end of regular expression"));
        };
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any,
            '^' => Node::Assert(Assert::Start),
            '$' => Node::Assert(Assert::End),
            '(' => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(RegexError("regular expression too big"));
                }
                let inner = self.alternation()?;
                if self.peek() != Some(')') {
                    return Err(RegexError("unmatched ( or \\("));
                }
                self.pos += 1;
                self.depth -= 1;
                inner
            }
            '[' => self.bracket()?,
            '\\' => self.escape()?,
            other => Node::Lit(other),
        })
    }

    fn escape(&mut self) -> Result<Node, RegexError> {
        let Some(c) = self.peek() else {
            return Err(RegexError("trailing backslash"));
        };
        self.pos += 1;
        let word = |negated| Class {
            negated,
            chars: vec!['_'],
            ranges: Vec::new(),
            named: vec![char::is_alphanumeric],
        };
        let space = |negated| Class {
            negated,
            chars: Vec::new(),
            ranges: Vec::new(),
            named: vec![char::is_whitespace],
        };
        Ok(match c {
            '1'..='9' => return Err(RegexError("back-references are not supported")),
            'w' => self.class(word(false)),
            'W' => self.class(word(true)),
            's' => self.class(space(false)),
            'S' => self.class(space(true)),
            'b' => Node::Assert(Assert::WordBoundary),
            'B' => Node::Assert(Assert::NotWordBoundary),
            '<' => Node::Assert(Assert::WordStart),
            '>' => Node::Assert(Assert::WordEnd),
            '`' => Node::Assert(Assert::Start),
            '\'' => Node::Assert(Assert::End),
            other => Node::Lit(other),
        })
    }

    fn class(&mut self, class: Class) -> Node {
        self.classes.push(class);
        Node::Class(self.classes.len() - 1)
    }

    fn bracket(&mut self) -> Result<Node, RegexError> {
        let mut class = Class {
            negated: false,
            chars: Vec::new(),
            ranges: Vec::new(),
            named: Vec::new(),
        };
        if self.peek() == Some('^') {
            class.negated = true;
            self.pos += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(RegexError("unmatched [, [^, [:, [., or [="));
            };
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            let start = match self.bracket_item()? {
                Item::Char(c) => c,
                Item::Named(f) => {
                    let range = self.peek() == Some('-')
                        && self.chars.get(self.pos + 1).is_some_and(|&c| c != ']');
                    if range {
                        return Err(RegexError("invalid range end"));
                    }
                    class.named.push(f);
                    continue;
                }
            };
            let is_range =
                self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&c| c != ']');
            if is_range {
                self.pos += 1;
                let Item::Char(end) = self.bracket_item()? else {
                    return Err(RegexError("invalid range end"));
                };
                let chained = self.peek() == Some('-')
                    && self.chars.get(self.pos + 1).is_some_and(|&c| c != ']');
                if end < start || chained {
                    return Err(RegexError("invalid range end"));
                }
                class.ranges.push((start, end));
            } else {
                class.chars.push(start);
            }
        }
        Ok(self.class(class))
    }

    fn bracket_item(&mut self) -> Result<Item, RegexError> {
        let c = self
            .peek()
            .ok_or(RegexError("unmatched [, [^, [:, [., or [="))?;
        self.pos += 1;
        if c != '[' {
            return Ok(Item::Char(c));
        }
        let kind = match self.peek() {
            Some(k @ (':' | '=' | '.')) => k,
            _ => return Ok(Item::Char('[')),
        };
        self.pos += 1;
        let start = self.pos;
        while self.pos + 1 < self.chars.len()
            && !(self.chars[self.pos] == kind && self.chars[self.pos + 1] == ']')
        {
            self.pos += 1;
        }
        if self.pos + 1 >= self.chars.len() {
            return Err(RegexError("unmatched [, [^, [:, [., or [="));
        }
        let name: String = self.chars[start..self.pos].iter().collect();
        self.pos += 2;
        if kind == ':' {
            return named_class(&name).map(Item::Named);
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(Item::Char(c)),
            _ => Err(RegexError("invalid collation character")),
        }
    }
}

enum Item {
    Char(char),
    Named(fn(char) -> bool),
}

fn named_class(name: &str) -> Result<fn(char) -> bool, RegexError> {
    Ok(match name {
        "alpha" => |c: char| c.is_alphabetic(),
        "digit" => |c: char| c.is_ascii_digit(),
        "alnum" => |c: char| c.is_alphanumeric(),
        "upper" => |c: char| c.is_uppercase(),
        "lower" => |c: char| c.is_lowercase(),
        "space" => |c: char| c.is_whitespace(),
        "blank" => |c: char| c == ' ' || c == '\t',
        "punct" => |c: char| c.is_ascii_punctuation(),
        "print" => |c: char| !c.is_control(),
        "graph" => |c: char| !c.is_control() && !c.is_whitespace(),
        "cntrl" => |c: char| c.is_control(),
        "xdigit" => |c: char| c.is_ascii_hexdigit(),
        _ => return Err(RegexError("invalid character class name")),
    })
}
