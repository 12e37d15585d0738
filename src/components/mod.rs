pub mod framework_card;
pub mod lang_switch;
