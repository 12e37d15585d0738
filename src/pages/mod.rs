pub mod evaluator;
pub mod report;
pub mod start;
pub mod summary;
pub mod trainer;
pub mod workspace;
