import NNLanguage

/// The experiment `nnlab report` runs without arguments: the course's backprop lab, its two XOR
/// architectures, and tanh/sigmoid/relu × none/L1/L2 over five seeds.
public enum DefaultExperiment {
    /// The default experiment with its title and names in `language` (and `language:` set, for any
    /// language but English).
    public static func yaml(in language: Language) -> String {
        guard language != .en else { return yaml }
        return Language.$current.withValue(language) {
            var text = yaml
            for name in names { text = text.replacingOccurrences(of: "\"\(name)\"", with: "\"\(translated(name))\"") }
            text = text.replacingOccurrences(of: comment, with: translated(comment))
            return text.replacingOccurrences(of: "sections: [", with: "language: \(language.rawValue)\nsections: [")
        }
    }

    /// The quoted titles and names in `yaml`, translated by `yaml(in:)`.
    static let names = [
        "NNLab lab report: backprop by hand and XOR", "NNLab default experiment",
        "XOR 2-2-1 tanh, L2 on the hidden layer, L1 on the output (course P6-TP2)",
        "XOR with a concat-input skip: dense 1 → concat_input → dense 1", "Activations × regularizers on XOR",
        "Handwritten digits (UCI 8×8): an MLP with softmax and cross-entropy",
    ]
    static let comment = "# NNLab's default lab report. Save this as a file, change it, and run: nnlab report FILE.yaml"

    public static let yaml = """
    # NNLab's default lab report. Save this as a file, change it, and run: nnlab report FILE.yaml
    title: "NNLab lab report: backprop by hand and XOR"
    author: "NNLab default experiment"
    sections: [backprop, experiments, comparison, image, reproducibility]
    experiments:
      - name: "XOR 2-2-1 tanh, L2 on the hidden layer, L1 on the output (course P6-TP2)"
        data: xor
        model:
          input: 2
          loss: mse
          layers:
            - {type: dense, units: 2, activation: tanh, regularizer: {l2: 0.01}}
            - {type: dense, units: 1, activation: tanh, regularizer: {l1: 0.01}}
        optimizer: {type: sgd, learning_rate: 0.05}
        epochs: 2000
        batch_size: 4
        shuffle: false
        seed: 0
        metrics: [xor_accuracy]
      - name: "XOR with a concat-input skip: dense 1 → concat_input → dense 1"
        data: xor
        model:
          input: 2
          loss: mse
          layers:
            - {type: dense, units: 1, activation: tanh, regularizer: {l2: 0.01}}
            - {type: concat_input}
            - {type: dense, units: 1, activation: tanh, regularizer: {l1: 0.01}}
        optimizer: {type: sgd, learning_rate: 0.05}
        epochs: 2000
        batch_size: 4
        shuffle: false
        seed: 1
        metrics: [xor_accuracy]
    comparison:
      name: "Activations × regularizers on XOR"
      base:
        data: xor
        model:
          input: 2
          loss: mse
          layers:
            - {type: dense, units: 2, activation: tanh}
            - {type: dense, units: 1, activation: tanh}
        optimizer: {type: sgd, learning_rate: 0.05}
        epochs: 2000
        batch_size: 4
        shuffle: false
        metrics: [xor_accuracy]
      activations: [tanh, sigmoid, relu]
      regularizers: [none, {l1: 0.01}, {l2: 0.01}]
      seeds: [0, 1, 2, 3, 4]
      target: {metric: xor_accuracy, value: 1}
    image:
      name: "Handwritten digits (UCI 8×8): an MLP with softmax and cross-entropy"
      data: digits
      test_fraction: 0.2
      scaling: standardize
      model:
        input: 64
        loss: cce
        layers:
          - {type: dense, units: 64, activation: relu, initializer: he_uniform}
          - {type: dense, units: 10, activation: softmax}
      optimizer: {type: adam}
      epochs: 30
      batch_size: 32
      shuffle: true
      seed: 0
      metrics: [accuracy]

    """
}
