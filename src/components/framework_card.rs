use std::sync::Arc;

use cchc_core::Framework;
use cchc_core::framework::FrameworkStatus;
use leptos::prelude::*;

use crate::file_io;
use crate::i18n::{Msg, tr};
use crate::state::AppState;

/// One framework at a glance: title, unit type, decision, size, and whether it is official.
/// A model framework always shows its status note, so nobody mistakes it for the annex.
#[component]
pub fn FrameworkCard(framework: Arc<Framework>) -> impl IntoView {
    let state = AppState::expect();
    let lang = move || state.lang.get();
    let fw = framework.clone();
    let items = framework.items().len();
    let testid = format!("framework-{}", framework.id);
    let status = {
        let fw = fw.clone();
        move || {
            let l = lang();
            match fw.status {
                FrameworkStatus::Official => Msg::OfficialFramework.text(l).to_string(),
                FrameworkStatus::Model => {
                    // The note says it is a model in the framework's own words; without one,
                    // the app says it.
                    fw.status_note
                        .as_ref()
                        .map(|n| n.get(l).to_string())
                        .unwrap_or_else(|| Msg::ModelFramework.text(l).to_string())
                }
            }
        }
    };
    let is_model = framework.status == FrameworkStatus::Model;
    let title = {
        let fw = fw.clone();
        move || fw.title.get(lang()).to_string()
    };
    let facts = move || {
        let l = lang();
        format!(
            "{} · {} {} · {} {} / {} {} / {} {}",
            fw.unit_type.label(l),
            items,
            Msg::Items.text(l),
            Msg::MaxPoints.text(l),
            fw.total_max.format_short(l),
            Msg::SelfScoredPart.text(l),
            fw.self_scored_max.format_short(l),
            Msg::SurveyPart.text(l),
            fw.survey_max.format_short(l),
        )
    };
    let decision = format!(
        "{} {}",
        framework.decision.number,
        framework.decision.issuer.clone().unwrap_or_default()
    );
    // The builder page's comparison, with this framework as the later side.
    let compare_href = file_io::page_href(
        file_io::BUILDER_FOLDER,
        &format!(
            "#so-sanh/{}",
            js_sys::encode_uri_component(&format!("{}@{}", framework.id, framework.version))
        ),
    );
    view! {
        <article class="framework-card" data-testid=testid>
            <h3>{title}</h3>
            <p class="facts">{facts}</p>
            <p class="decision">{tr(Msg::Decision)} " " {decision.clone()}</p>
            <p class="status" class:status-model=is_model role="note">{status}</p>
            <p><a href=compare_href data-testid="compare-framework">{tr(Msg::WhatChanged)}</a></p>
        </article>
    }
}
