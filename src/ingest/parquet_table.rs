//! Parquet tables of articles: each row is a record; string, number and date columns are mapped
//! onto the article by the pipeline's field mapping.

use std::io::BufRead;

use arrow::array::{Array, StringArray};
use arrow::datatypes::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::reader::{read_error_reason, StreamContext};
use super::{Item, Payload, RawRecord, Reject, RejectReason};

pub(super) fn read_parquet(mut stream: impl BufRead, context: &StreamContext<'_>, emit: &mut dyn FnMut(Item)) {
    let reject = |record: i64, reason, detail: String| {
        Item::Reject(Reject::new(context.source.clone(), record, 0, reason, detail))
    };
    // Parquet keeps its index at the end of the file, so the whole (decompressed) file is needed.
    let mut bytes = Vec::new();
    if let Err(error) = stream.read_to_end(&mut bytes) {
        return emit(reject(0, read_error_reason(&error), format!("stream ends early: {error}")));
    }
    let builder = match ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes)) {
        Ok(builder) => builder.with_batch_size(1024),
        Err(error) => return emit(reject(0, RejectReason::MalformedParquet, error.to_string())),
    };
    let reader = match builder.build() {
        Ok(reader) => reader,
        Err(error) => return emit(reject(0, RejectReason::MalformedParquet, error.to_string())),
    };
    let mut row_index = 0i64;
    for batch in reader {
        let batch = match batch {
            Ok(batch) => batch,
            Err(error) => return emit(reject(row_index, RejectReason::MalformedParquet, error.to_string())),
        };
        let schema = batch.schema();
        let mut columns: Vec<(String, StringArray)> = Vec::new();
        for (field, column) in schema.fields().iter().zip(batch.columns()) {
            let readable =
                !matches!(field.data_type(), DataType::Binary | DataType::LargeBinary | DataType::BinaryView);
            if let Some(strings) = readable.then(|| arrow::compute::cast(column, &DataType::Utf8).ok()).flatten() {
                if let Some(strings) = strings.as_any().downcast_ref::<StringArray>() {
                    columns.push((field.name().clone(), strings.clone()));
                }
            }
        }
        for row in 0..batch.num_rows() {
            let fields = columns
                .iter()
                .filter(|(_, values)| values.is_valid(row))
                .map(|(name, values)| (name.clone(), values.value(row).to_string()))
                .collect();
            emit(Item::Record(RawRecord {
                source: context.source.clone(),
                record: row_index,
                offset: 0,
                payload: Payload::Fields(fields),
            }));
            row_index += 1;
        }
    }
}
