//! docs/model.schema.json is the schema of the model types (run with
//! `PJCONF_UPDATE_SCHEMA=1` to rewrite it).

use std::path::Path;

#[test]
fn published_schema_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/model.schema.json");
    let schema = pjconf_tenants::schema();
    if std::env::var_os("PJCONF_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &schema).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == schema,
        "docs/model.schema.json is out of date: run `PJCONF_UPDATE_SCHEMA=1 cargo test -p pjconf_tenants schema`"
    );
}

#[test]
fn the_example_validates_structurally() {
    // Every top-level key of the example is in the schema.
    let schema: serde_json::Value = serde_json::from_str(&pjconf_tenants::schema()).unwrap();
    let props = schema["properties"].as_object().unwrap();
    assert!(props.contains_key("engine") && props.contains_key("tenants"));
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
}
