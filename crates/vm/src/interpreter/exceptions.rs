//! Raising, matching, and printing exceptions.
//!
//! `raise X` accepts an exception class (instantiated with no arguments)
//! or instance; `raise X from Y` sets `__cause__` and
//! `__suppress_context__`. Uncaught exceptions are printed as CPython 3.11
//! prints them (`Traceback (most recent call last):`, one `File ..., line
//! N, in name` entry per frame with the source line, then `Type: message`),
//! including chained exceptions ("The above exception was the direct cause
//! of the following exception:" / "During handling of the above exception,
//! another exception occurred:"). CPython 3.11's `~~~^^^` position markers
//! under source lines are not reproduced.

use core::sync::atomic::Ordering;
use std::io::Write;

use ftl_object::{HeapPolicy, Kind, ObjRef};

use crate::compiler::bytecode::Code;
use crate::interpreter::state::{ExcType, Kw, PyErr, PyResult, Vm};
use crate::objects::*;

impl<P: HeapPolicy> Vm<P> {
    /// The exception to raise for `raise value`.
    pub fn make_raisable(&self, value: Obj<P>) -> PyResult<PyErr<P>, P> {
        if let Some(c) = value.downcast::<Class<P>>() {
            if c.is_exception() {
                let inst = self.call(&value, &[], Kw::EMPTY)?;
                return Ok(PyErr(inst));
            }
        } else if let Some(inst) = value.downcast::<Instance<P>>() {
            if inst.exc.is_some() {
                return Ok(PyErr(value));
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// `raise err from cause`
    pub fn set_cause(&self, err: &PyErr<P>, cause: Obj<P>) -> PyResult<(), P> {
        let cause = if cause.is_none() {
            None
        } else {
            Some(self.make_raisable(cause)?.0)
        };
        if let Some(inst) = err.0.downcast::<Instance<P>>() {
            if let Some(e) = &inst.exc {
                e.cause.set(cause);
                e.suppress_context.store(true, Ordering::Relaxed);
            }
        }
        Ok(())
    }

    /// A copy of exception `exc`'s traceback entries, innermost first
    /// (none for an object that is not an exception instance).
    pub fn traceback_entries(&self, exc: &Obj<P>) -> Vec<TbEntry<P>> {
        exc.downcast::<Instance<P>>()
            .and_then(|i| i.exc.as_ref())
            .map(|x| {
                let t = x.traceback.take();
                let copy = t.clone();
                x.traceback.set(t);
                copy
            })
            .unwrap_or_default()
    }

    /// `exc.__traceback__`: a traceback object for the frames `exc` has
    /// passed through so far, or `None` if it has none.
    pub fn traceback_object(&self, exc: &Obj<P>) -> Obj<P> {
        let mut entries = self.traceback_entries(exc);
        if entries.is_empty() {
            return ObjRef::none();
        }
        entries.reverse();
        ObjRef::new(Traceback { entries, index: 0 })
    }

    /// Whether exception `exc` matches an `except` clause's class or tuple.
    pub fn exception_matches(&self, exc: &Obj<P>, cls: &Obj<P>) -> PyResult<bool, P> {
        self.any_class(cls, &|c| match c.downcast::<Class<P>>() {
            Some(k) if k.is_exception() => Ok(self.isinstance(exc, c)),
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        })
    }

    /// The exception's class name as CPython prints it in tracebacks
    /// (qualified by module unless it is `builtins` or `__main__`).
    fn exc_type_name(&self, exc: &Obj<P>) -> String {
        let cls = self.type_of(exc);
        let c = self.class(&cls);
        let module = if c.is_exception()
            && c.dict
                .as_dict()
                .is_some_and(|d| d.get(&self.interp.names.module).ok().flatten().is_none())
        {
            "builtins".to_string()
        } else {
            self.class_module(&cls)
        };
        if module == "builtins" || module == "__main__" {
            c.qualname.clone()
        } else {
            format!("{module}.{}", c.qualname)
        }
    }

    /// The last line of a traceback: `Type: message` or `Type`.
    pub fn exception_line(&self, exc: &Obj<P>) -> String {
        let name = self.exc_type_name(exc);
        let msg = match self.str_(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    /// The full printed form of an uncaught exception, with its chain.
    pub fn format_exception(&self, err: &PyErr<P>) -> String {
        let mut chain: Vec<(Obj<P>, &'static str)> = Vec::new();
        let mut cur = Some(err.0.clone());
        let mut seen: Vec<usize> = Vec::new();
        let mut link = "";
        while let Some(e) = cur.take() {
            if seen.contains(&e.addr()) || seen.len() > 100 {
                break;
            }
            seen.push(e.addr());
            chain.push((e.clone(), link));
            let Some(inst) = e.downcast::<Instance<P>>() else {
                break;
            };
            let Some(x) = &inst.exc else { break };
            if let Some(c) = x.cause.get() {
                cur = Some(c);
                link = "\nThe above exception was the direct cause of the following exception:\n\n";
            } else if !x.suppress_context.load(Ordering::Relaxed) {
                if let Some(c) = x.context.get() {
                    cur = Some(c);
                    link =
                        "\nDuring handling of the above exception, another exception occurred:\n\n";
                }
            }
        }
        let mut out = String::new();
        for (e, link) in chain.iter().rev() {
            out.push_str(&self.format_one(e));
            out.push_str(link);
        }
        out
    }

    fn format_one(&self, exc: &Obj<P>) -> String {
        let mut out = String::new();
        let tb = self.traceback_entries(exc);
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for entry in tb.iter().rev() {
                let code = entry.code.downcast::<Code<P>>().expect("code");
                let file = code.filename.as_str().unwrap_or("?");
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    file, entry.line, code.name
                ));
                if let Some(line) = self.source_line(file, entry.line) {
                    let t = line.trim();
                    if !t.is_empty() {
                        out.push_str(&format!("    {t}\n"));
                    }
                }
            }
        }
        match self.syntax_error_render(exc) {
            Some(text) => out.push_str(&text),
            None => {
                out.push_str(&self.exception_line(exc));
                out.push('\n');
            }
        }
        out
    }

    /// A `SyntaxError` with a file and line printed as CPython prints it:
    /// the file and line, the source text with carets, then `Type: msg`.
    fn syntax_error_render(&self, exc: &Obj<P>) -> Option<String> {
        use ftl_syntax::ast::{SyntaxError, SyntaxErrorKind};
        if !self.isinstance(exc, self.exc_class(ExcType::SyntaxError)) {
            return None;
        }
        let inst = exc.downcast::<Instance<P>>()?;
        let get = |n: &str| self.dict_get_str(&inst.dict, &self.intern(n));
        let filename = get("filename")?.as_str()?.to_string();
        let small = |v: Obj<P>| match self.int_value(&v) {
            Some(ftl_object::IntValue::Small(n)) => Some(n),
            _ => None,
        };
        let line = small(get("lineno")?)?.max(0) as u32;
        let num = |n: &str| get(n).and_then(small).unwrap_or(0).max(0) as u32;
        let text =
            get("text").and_then(|t| t.as_str().map(|s| s.trim_end_matches('\n').to_string()));
        let msg = get("msg").map(|m| self.str_(&m)).transpose().ok()??;
        let kind = if self.isinstance(exc, self.exc_class(ExcType::TabError)) {
            SyntaxErrorKind::Tab
        } else if self.isinstance(exc, self.exc_class(ExcType::IndentationError)) {
            SyntaxErrorKind::Indentation
        } else {
            SyntaxErrorKind::Syntax
        };
        let rendered = SyntaxError {
            kind,
            msg,
            filename,
            line,
            col: num("offset"),
            end_col: num("end_offset"),
            text,
        }
        .render();
        // The last line names the exception's own class.
        let (head, _) = rendered
            .trim_end_matches('\n')
            .rsplit_once('\n')
            .unwrap_or(("", ""));
        let head = if head.is_empty() {
            String::new()
        } else {
            format!("{head}\n")
        };
        let name = self.exc_type_name(exc);
        let msg = get("msg").map(|m| self.str_(&m)).transpose().ok()??;
        Some(format!("{head}{name}: {msg}\n"))
    }

    fn source_line(&self, file: &str, line: u32) -> Option<String> {
        let sources = self.interp.sources.lock();
        let src = sources.get(file)?;
        src.lines()
            .nth(line.checked_sub(1)? as usize)
            .map(str::to_string)
    }

    /// Writes `text` to stderr after flushing stdout. A closed stderr is
    /// ignored (CPython ignores it when it reports an exception), never a
    /// panic as `eprint!` would make it.
    pub fn write_stderr(&self, text: &str) {
        self.flush_stdout();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    /// Flushes buffered standard output.
    pub fn flush_stdout(&self) {
        let _ = self.interp.stdout.lock().flush();
    }

    /// Writes `text` to `file` (`sys.stdout` when `None`): a `Stream`
    /// (stdout or stderr) or any object with a `write` method.
    pub fn write_to(&self, file: Option<&Obj<P>>, text: &str, flush: bool) -> PyResult<(), P> {
        // No file: `sys.stdout` as it is now (a program or
        // `contextlib.redirect_stdout` may have replaced it).
        let current;
        let file = match file {
            Some(f) => Some(f),
            None => {
                current = self.sys_stream("stdout");
                current.as_ref()
            }
        };
        let fd = match file {
            None => 1,
            Some(f) => match f.downcast::<Stream>() {
                Some(s) => s.fd,
                None => {
                    let w = self.getattr(f, &self.intern("write"))?;
                    self.call(&w, &[self.new_str(text)], Kw::EMPTY)?;
                    return Ok(());
                }
            },
        };
        let r = if fd == 1 {
            let mut out = self.interp.stdout.lock();
            let r = out.write_all(text.as_bytes());
            if flush {
                let _ = out.flush();
            }
            r
        } else {
            self.flush_stdout();
            std::io::stderr().write_all(text.as_bytes())
        };
        match r {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                Err(self.new_error(ExcType::BrokenPipeError, "[Errno 32] Broken pipe"))
            }
            Err(e) => Err(self.new_error(ExcType::OSError, e.to_string())),
        }
    }

    /// `sys.<name>` (`stdout`, `stderr`) as the program has it now, or
    /// `None` when `sys` is not loaded or the name is gone (then the
    /// process's own stream is used). CPython raises
    /// `RuntimeError("lost sys.stdout")` for a deleted one; ftl falls back.
    pub fn sys_stream(&self, name: &str) -> Option<Obj<P>> {
        let sys = self.dict_get_str(&self.interp.modules, &self.intern("sys"))?;
        let m = sys.downcast::<Module<P>>()?;
        self.dict_get_str(&m.dict, &self.intern(name))
            .filter(|s| !s.is_none())
    }

    /// The exit status and report for an uncaught exception at top level
    /// (`SystemExit` gives its code and prints only a non-int code).
    pub fn report_uncaught(&self, err: &PyErr<P>) -> i32 {
        self.flush_stdout();
        if self.err_matches(err, ExcType::SystemExit) {
            let code = self
                .getattr(&err.0, &self.interp.names.code)
                .unwrap_or_else(|_| ObjRef::none());
            return match code.kind() {
                Kind::None => 0,
                Kind::Int | Kind::Bool => self
                    .int_value(&code)
                    .and_then(|v| v.as_i64())
                    .map(|v| v as i32)
                    .unwrap_or(-1),
                _ => {
                    let s = self.str_(&code).unwrap_or_default();
                    let _ = writeln!(std::io::stderr(), "{s}");
                    1
                }
            };
        }
        let text = self.format_exception(err);
        let _ = std::io::stderr().write_all(text.as_bytes());
        1
    }
}
