import NNCore

/// The data files compiled into the binary (`.embedInCode`, so a copied `nnlab` keeps them).
///
/// - `digits.csv.gz`: the test set of the UCI "Optical Recognition of Handwritten Digits"
///   data (E. Alpaydin and C. Kaynak, 1998; https://archive.ics.uci.edu/ml/datasets/Optical+Recognition+of+Handwritten+Digits),
///   as scikit-learn ships it: 1,797 lines of 64 pixel counts 0…16 (8 × 8, row-major) then the
///   digit. See `Resources/digits.rst`.
/// - `iris.csv`: R. A. Fisher's iris data (1936) from the UCI repository
///   (https://archive.ics.uci.edu/ml/datasets/Iris), as scikit-learn ships it: a header
///   `150,4,setosa,versicolor,virginica`, then 4 measurements in cm and the class index.
///   See `Resources/iris.rst`.
extension BuiltinDataset {
    /// The 1,797 digits, labels 0…9 named "0"…"9".
    static let digitsData: ClassificationData = {
        do {
            let csv = try Gzip.decompress(PackageResources.digits_csv_gz, file: "<builtin>/digits.csv.gz")
            return try CSVFile.classification(csv, file: "<builtin>/digits.csv.gz",
                                              options: CSVFile.Options(header: .absent, classCount: 10))
        } catch {
            preconditionFailure("the embedded digits data is corrupt (a build problem): \(error)")
        }
    }()

    /// The 150 irises, classes named from the file's header.
    static let irisData: ClassificationData = {
        do {
            let file = "<builtin>/iris.csv"
            let data = try CSVFile.classification(PackageResources.iris_csv, file: file,
                                                  options: CSVFile.Options(header: .present, classCount: 3))
            let header = try CSVRecords(PackageResources.iris_csv, delimiter: UInt8(ascii: ","), file: file)
            precondition(header.count > 0 && header.fieldCount(0) == 5, "the embedded iris header has 5 fields")
            return ClassificationData(features: data.features, labels: data.labels, classNames: (2..<5).map { header.text(0, $0) })
        } catch {
            preconditionFailure("the embedded iris data is corrupt (a build problem): \(error)")
        }
    }()
}
