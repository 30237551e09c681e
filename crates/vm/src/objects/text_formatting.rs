//! `%`-formatting and `str.format` on objects.
//!
//! The parsing and the number/string rendering live in [`ftl_algorithms::format`]
//! (pure functions); this module walks the arguments: converts objects with
//! `str()`/`repr()`, takes `*` widths, looks up `%(key)s` in a mapping and
//! `{0.attr[key]}` fields, and raises CPython's arity errors.

use ftl_object::{HeapPolicy, IntValue, Kind, ObjRef};

use crate::interpreter::state::{Kw, PyResult, Vm};
use crate::objects::*;
use ftl_algorithms::format::{self, Count, FieldAccess, FieldKey, FormatPiece, PercentPiece};

impl<P: HeapPolicy> Vm<P> {
    /// `fmt % args`
    pub fn percent_format(&self, fmt: &Obj<P>, args: &Obj<P>) -> PyResult<Obj<P>, P> {
        let text = fmt.as_str().expect("str");
        // A tuple subclass's instance is a tuple of arguments too
        // (`PyTuple_Check`), and neither it nor a str is a mapping.
        let tuple = args
            .as_tuple()
            .or_else(|| self.native_of(args).and_then(|n| n.as_tuple()));
        let native_str = self.native_of(args).is_some_and(|n| n.kind() == Kind::Str);
        let mapping = args.kind() == Kind::Dict
            || (args.is::<Instance<P>>() && tuple.is_none() && !native_str);
        let items: Vec<Obj<P>> = match tuple {
            Some(t) => t.to_vec(),
            None => vec![args.clone()],
        };
        let mut next = 0usize;
        let mut take = |vm: &Self| -> PyResult<Obj<P>, P> {
            let v = items
                .get(next)
                .cloned()
                .ok_or_else(|| vm.type_error(format::NOT_ENOUGH_ARGUMENTS))?;
            next += 1;
            Ok(v)
        };
        let mut out = String::new();
        let mut used_mapping = false;
        for piece in format::percent_pieces(text) {
            let piece = piece.map_err(|e| self.format_error(e))?;
            let mut spec = match piece {
                PercentPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                PercentPiece::Spec(s) => s,
            };
            if spec.width == Some(Count::Star) {
                let w = take(self)?;
                let w = self
                    .int_value(&w)
                    .ok_or_else(|| self.type_error(format::STAR_WANTS_INT))?;
                spec.set_star_width(w.as_i64().unwrap_or(i64::MAX));
            }
            if spec.precision == Some(Count::Star) {
                let p = take(self)?;
                let p = self
                    .int_value(&p)
                    .ok_or_else(|| self.type_error(format::STAR_WANTS_INT))?;
                spec.set_star_precision(p.as_i64().unwrap_or(i64::MAX));
            }
            let value = match &spec.key {
                Some(k) => {
                    if !mapping {
                        return Err(self.type_error(format::FORMAT_REQUIRES_MAPPING));
                    }
                    used_mapping = true;
                    self.getitem(args, &self.new_str(k.clone()))?
                }
                None => take(self)?,
            };
            spec.check_conv().map_err(|e| self.format_error(e))?;
            // The numeric conversions see an int or float subclass's value.
            let value = match (spec.conv, self.native_of(&value)) {
                ('s' | 'r' | 'a', _) | (_, None) => value,
                (_, Some(n)) => n.clone(),
            };
            let piece = match spec.conv {
                's' => format::percent_str(&self.str_(&value)?, &spec),
                'r' => format::percent_str(&self.repr(&value)?, &spec),
                'a' => format::percent_str(
                    &ftl_algorithms::str_methods::ascii_escape(&self.repr(&value)?),
                    &spec,
                ),
                'c' => {
                    if let Some(s) = value.as_str() {
                        if s.chars().count() != 1 {
                            return Err(self.type_error(format::PERCENT_C_REQUIRES));
                        }
                        format::percent_str(s, &spec)
                    } else {
                        match self.int_value(&value) {
                            Some(i) => format::percent_int(&i, &spec),
                            None => return Err(self.type_error(format::PERCENT_C_REQUIRES)),
                        }
                    }
                }
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                    let i = match value.kind() {
                        Kind::Int | Kind::Bool => self.int_value(&value).expect("int"),
                        Kind::Float if matches!(spec.conv, 'd' | 'i' | 'u') => {
                            IntValue::from_f64_trunc(value.as_f64().expect("f"))
                                .map_err(|e| self.value_error(e.to_string()))?
                        }
                        _ => {
                            let what = if matches!(spec.conv, 'd' | 'i' | 'u') {
                                "a real number"
                            } else {
                                "an integer"
                            };
                            return Err(self.type_error(format!(
                                "%{} format: {} is required, not {}",
                                spec.conv,
                                what,
                                self.type_name(&value)
                            )));
                        }
                    };
                    format::percent_int(&i, &spec)
                }
                _ => {
                    let f = match self.num(&value) {
                        Some(_) => self.to_f64(&value)?,
                        None => {
                            return Err(self.type_error(format!(
                                "must be real number, not {}",
                                self.type_name(&value)
                            )))
                        }
                    };
                    format::percent_float(f, &spec)
                }
            };
            out.push_str(&piece.map_err(|e| self.format_error(e))?);
        }
        if !mapping && next < items.len() && !used_mapping {
            return Err(self.type_error(format::NOT_ALL_CONVERTED));
        }
        Ok(ObjRef::from_string(out))
    }

    /// `template.format(*args, **kwargs)`
    pub fn str_format(
        &self,
        template: &str,
        args: &[Obj<P>],
        kw: Kw<'_, P>,
    ) -> PyResult<String, P> {
        let mut auto = format::AutoNumber::new();
        self.str_format_depth(template, args, FieldNames::Keywords(kw), &mut auto, 2)
    }

    /// `template.format_map(mapping)`: named fields are `mapping[name]`
    /// (so a dict subclass's `__missing__` answers), no positional ones.
    pub fn str_format_map(&self, template: &str, mapping: &Obj<P>) -> PyResult<String, P> {
        let mut auto = format::AutoNumber::new();
        self.str_format_depth(template, &[], FieldNames::Mapping(mapping), &mut auto, 2)
    }

    fn str_format_depth(
        &self,
        template: &str,
        args: &[Obj<P>],
        names: FieldNames<'_, P>,
        auto: &mut format::AutoNumber,
        depth: u32,
    ) -> PyResult<String, P> {
        if depth == 0 {
            return Err(self.value_error(format::MAX_RECURSION));
        }
        let mut out = String::new();
        for piece in format::format_pieces(template) {
            let piece = piece.map_err(|e| self.format_error(e))?;
            let (first, rest, conversion, spec) = match piece {
                FormatPiece::Literal(s) => {
                    out.push_str(&s);
                    continue;
                }
                FormatPiece::Field {
                    first,
                    rest,
                    conversion,
                    spec,
                } => (first, rest, conversion, spec),
            };
            let index = auto.resolve(&first).map_err(|e| self.format_error(e))?;
            let mut value = match (&first, index) {
                (FieldKey::Name(n), _) => match names {
                    FieldNames::Keywords(kw) => match kw.get(n) {
                        Some(v) => v.clone(),
                        None => return Err(self.key_error(self.new_str(n.clone()))),
                    },
                    FieldNames::Mapping(m) => self.getitem(m, &self.new_str(n.clone()))?,
                },
                (_, Some(_)) if matches!(names, FieldNames::Mapping(_)) => {
                    return Err(self.value_error("Format string contains positional fields"))
                }
                (_, Some(i)) => match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(self.index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        )))
                    }
                },
                _ => unreachable!("positional fields resolve to an index"),
            };
            for access in rest {
                value = match access {
                    FieldAccess::Attr(a) => self.getattr(&value, &self.intern(&a))?,
                    FieldAccess::Index(i) => self.getitem(&value, &ObjRef::from_i64(i as i64))?,
                    FieldAccess::Key(k) => self.getitem(&value, &self.new_str(k))?,
                };
            }
            if let Some(c) = conversion {
                format::check_conversion(c).map_err(|e| self.format_error(e))?;
                value = match c {
                    's' => self.str_obj(&value)?,
                    'r' => self.new_str(self.repr(&value)?),
                    _ => self.new_str(ftl_algorithms::str_methods::ascii_escape(
                        &self.repr(&value)?,
                    )),
                };
            }
            let spec = if spec.contains('{') {
                self.str_format_depth(&spec, args, names, auto, depth - 1)?
            } else {
                spec
            };
            let s = self.format(&value, &spec)?;
            out.push_str(s.as_str().unwrap_or(""));
        }
        Ok(out)
    }
}

/// Where `str.format`'s named fields come from.
enum FieldNames<'a, P: HeapPolicy> {
    /// `format(**kwargs)`
    Keywords(Kw<'a, P>),
    /// `format_map(mapping)`
    Mapping(&'a Obj<P>),
}

impl<P: HeapPolicy> Clone for FieldNames<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: HeapPolicy> Copy for FieldNames<'_, P> {}
