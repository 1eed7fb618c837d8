/// The course's backprop-by-hand lab (seed 000): a 2-3-2-3 network with sigmoid hidden
/// layers, a softmax output and an MSE loss, one input row, and every value the lab prints.
///
/// The lab's weights are float32 values printed to 8 decimals. Read back as float32 and
/// widened to float64 they reproduce the published float64 loss bit for bit — except three
/// whose 8-decimal print is ambiguous, taken here at the float32 values that do
/// (W1[1][0] = 0.054576114, b1[1] = −0.0029485398, W2[2][0] = 0.005853974).
public enum BackpropLab {
    /// A printed float32 weight, widened to float64.
    static func f32(_ value: Float) -> Double { Double(value) }

    public static let w1 = Matrix([[f32(0.10820953), f32(0.3432914), f32(0.1744045)],
                                   [f32(0.054576114), f32(0.54989725), f32(0.34384015)]])
    public static let b1 = [f32(-0.67943245), f32(-0.0029485398), f32(0.15257952)]
    public static let w2 = Matrix([[f32(-0.7706185), f32(-0.17550795)],
                                   [f32(-0.10197585), f32(0.45046437)],
                                   [f32(0.005853974), f32(0.3024927)]])
    public static let b2 = [f32(-0.10661452), f32(-0.34508756)]
    public static let w3 = Matrix([[f32(-0.49749678), f32(-0.40208894), f32(-0.85052264)],
                                   [f32(1.0619878), f32(0.07141189), f32(0.17314)]])
    public static let b3 = [f32(-0.29359275), f32(-0.7259881), f32(0.578059)]

    /// The input row X = [3.4, 2.1] and the target P_true = [1, 0, 0].
    public static let x = Matrix(row: [3.4, 2.1])
    public static let y = Matrix(row: [1, 0, 0])

    /// The lab's network: D1 (3, sigmoid) → D2 (2, sigmoid) → D3 (3, softmax), MSE.
    public static var network: Network {
        // The shapes are fixed by the constants above, so this cannot fail.
        guard let network = try? Network(inputWidth: 2, loss: .mse, layers: [
            Dense(weights: w1, bias: b1, activation: .sigmoid),
            Dense(weights: w2, bias: b2, activation: .sigmoid),
            Dense(weights: w3, bias: b3, activation: .softmax),
        ]) else { preconditionFailure("the backprop lab's shapes are inconsistent") }
        return network
    }

    /// Values the lab prints (8 significant decimals unless noted).
    public enum Published {
        public static let d1 = [-0.19691022, 2.31902646, 1.46761914]
        public static let a1 = [0.45093089225230254, 0.9104405912789888, 0.8126952375820982]
        public static let a2 = [0.3676769621673232, 0.5576736348201717]
        public static let d3 = [0.11573172, -0.8340024, 0.36189705]
        public static let pEst = [0.37510012, 0.14510518, 0.4797947]
        /// The MSE at the initial weights, printed in full float64.
        public static let mse = 0.2139194440951749
        public static let mseGradient = [-0.41659992, 0.09673679, 0.31986314]
        public static let softmaxJacobian = [[0.23440002, -0.05442897, -0.17997105],
                                             [-0.05442897, 0.12404967, -0.0696207],
                                             [-0.17997105, -0.0696207, 0.24959175]]
        public static let errorD3 = [-0.16048242, 0.01240618, 0.14807624]
        public static let errorA2 = [-0.05109109, -0.14390649]
        public static let sigmoidJacobianD2 = [[0.23249061, 0.0], [0.0, 0.24667375]]
        public static let errorD2 = [-0.0118782, -0.03549795]
        public static let errorA1 = [0.01538373, -0.01477927, -0.01080741]
        public static let sigmoidJacobianD1 = [[0.24759222, 0.0, 0.0], [0.0, 0.08153852, 0.0], [0.0, 0.0, 0.15222169]]
        public static let errorD1 = [0.00380889, -0.00120508, -0.00164512]
        /// The lab's own gradients of D3 (float64, printed to 8 decimals).
        public static let gradientD3Weights = [[-0.05900569, 0.00456147, 0.05444422], [-0.08949681, 0.0069186, 0.08257822]]
        public static let gradientD3Bias = [-0.16048242, 0.01240618, 0.14807624]
        /// The loss before each SGD step at learning rate 0.1, in full float64 (the last line of
        /// the published listing is cut off after 10 decimals and is not included).
        public static let sgdLosses: [Double] = [
            0.2139194440951749, 0.20662613128588422, 0.19947171057325727, 0.1924681092888171, 0.18562604333803648,
            0.1789549380634228, 0.17246287574065775, 0.16615656976223617, 0.16004136458874682, 0.1541212596879758,
            0.1483989549782366, 0.1428759147709048, 0.1375524468781014, 0.13242779340987212, 0.12750022981379402,
            0.12276716888239801, 0.11822526673855087, 0.1138705281725413, 0.10969840911474449, 0.10570391445541599,
            0.10188168984418387, 0.09822610649742136, 0.0947313383986826, 0.0913914315876672, 0.0882003654930716,
            0.08515210647403793, 0.08224065389624931, 0.0794600791863473, 0.07680455838766365, 0.07426839878711093,
            0.07184606020334172, 0.06953217152552128, 0.06732154307530211, 0.06520917533624652, 0.06319026455874395,
            0.0612602057074741, 0.05941459317511957, 0.05764921964221048, 0.05596007342010118, 0.054343334573122626,
            0.05279537007760111, 0.051312728240080235, 0.04989213256493353, 0.04853047523265045, 0.04722481032435658,
            0.04597234690544114, 0.04477044206132039, 0.04361659396113585, 0.04250843501033663, 0.0414437251403814,
        ]
    }

    /// TensorFlow's float32 gradients printed by the lab (GradientTape on the same model).
    public enum TensorFlow {
        public static let d1Weights = [[0.01295024, -0.00409727, -0.00559341], [0.00799868, -0.00253067, -0.00345476]]
        public static let d1Bias = [0.00380889, -0.00120508, -0.00164512]
        public static let d2Weights = [[-0.00535625, -0.01600713], [-0.0108144, -0.03231878], [-0.00965336, -0.02884902]]
        public static let d2Bias = [-0.0118782, -0.03549796]
        public static let d3Weights = [[-0.0590057, 0.00456147, 0.05444423], [-0.08949681, 0.0069186, 0.08257822]]
        public static let d3Bias = [-0.16048242, 0.01240618, 0.14807625]
    }
}
