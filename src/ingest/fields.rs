//! Mapping named fields (JSON keys, CSV or Parquet columns) onto the parts of an article, with
//! the pipeline's field mapping. Whatever is not mapped is kept as a JSON object in `metadata`.

use serde_json::{Map, Value};

use super::{Article, RawRecord};
use crate::config::FieldMapping;

/// Which article part a field name maps to.
fn role_of<'m>(mapping: &'m FieldMapping, key: &str) -> Option<(&'static str, usize)> {
    let roles: [(&'static str, &'m [String]); 7] = [
        ("title", &mapping.title),
        ("subtitle", &mapping.subtitle),
        ("text", &mapping.text),
        ("date", &mapping.date),
        ("url", &mapping.url),
        ("id", &mapping.id),
        ("label", &mapping.label),
    ];
    roles.iter().find_map(|(role, names)| {
        names.iter().position(|name| name.eq_ignore_ascii_case(key)).map(|rank| (*role, rank))
    })
}

/// Collects the best-ranked non-empty value for each role, and the unmapped fields.
#[derive(Default)]
struct Collector {
    /// (role, rank of the field name in the mapping, field name, value)
    chosen: Vec<(&'static str, usize, String, String)>,
    metadata: Map<String, Value>,
}

impl Collector {
    fn offer(&mut self, mapping: &FieldMapping, key: &str, value: Value) {
        let as_text = match &value {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        match (role_of(mapping, key), as_text) {
            (Some((role, rank)), Some(text)) if !text.trim().is_empty() => {
                match self.chosen.iter_mut().find(|slot| slot.0 == role) {
                    Some(slot) if slot.1 <= rank => {
                        // A better-ranked field already holds this role; keep this one as metadata.
                        self.metadata.insert(key.to_string(), value);
                    }
                    Some(slot) => {
                        let (_, _, displaced_key, displaced) =
                            std::mem::replace(slot, (role, rank, key.to_string(), text));
                        self.metadata.insert(displaced_key, Value::String(displaced));
                    }
                    None => self.chosen.push((role, rank, key.to_string(), text)),
                }
            }
            (Some(_), _) if value.is_null() || value.as_str().is_some_and(|s| s.trim().is_empty()) => {}
            _ => {
                self.metadata.insert(key.to_string(), value);
            }
        }
    }

    fn into_article(mut self, raw: &RawRecord) -> Article {
        let mut take =
            |role: &str| self.chosen.iter().position(|slot| slot.0 == role).map(|i| self.chosen.swap_remove(i).3);
        let (title, subtitle, text) = (take("title"), take("subtitle"), take("text"));
        let (published_raw, url, id, label) = (take("date"), take("url"), take("id"), take("label"));
        Article {
            source: raw.source.clone(),
            record: raw.record,
            offset: raw.offset,
            title,
            subtitle,
            text: text.unwrap_or_default(),
            published_raw,
            url,
            id,
            label,
            metadata: (!self.metadata.is_empty()).then(|| Value::Object(self.metadata).to_string()),
        }
    }
}

/// An article from a JSON object.
pub(super) fn article_from_json(raw: &RawRecord, object: Map<String, Value>, mapping: &FieldMapping) -> Article {
    let mut collector = Collector::default();
    for (key, value) in object {
        collector.offer(mapping, &key, value);
    }
    collector.into_article(raw)
}

/// An article from the named string fields of a table row.
pub(super) fn article_from_fields<'a>(
    raw: &RawRecord,
    row: impl Iterator<Item = (&'a str, &'a str)>,
    mapping: &FieldMapping,
) -> Article {
    let mut collector = Collector::default();
    for (key, value) in row {
        collector.offer(mapping, key, Value::String(value.to_string()));
    }
    collector.into_article(raw)
}
