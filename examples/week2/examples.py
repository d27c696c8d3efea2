"""The week-2 example class: one notebook per case, each the solution with small named edits.

Declarations only; ``examples/make_examples.py`` builds the notebooks. The expected scores
are listed in ``README.md`` here and asserted by ``tests/autograder/test_week2_examples.py``.
"""

from make_examples import Edit, Example, NewBody

NOTEBOOK = "week2/logistic_regression"

EXPLORATION = (
    ("", 'index = 25\n'
         'print("y =", train_y[0, index], "- it is a", "cat" if train_y[0, index] == 1 else "non-cat", "picture")\n'
         '# plt.imshow(train_x_orig[index])  # plots disabled: no display where this runs'),
    ("", 'print("sigmoid([0, 2]) =", sigmoid(np.array([0, 2])))\n'
         'w, b = initialize_with_zeros(2)\n'
         'print("w =", w.ravel(), "b =", b)'),
    ("", 'w, b = np.array([[1.0], [2.0]]), 2.0\n'
         'X, Y = np.array([[1.0, 2.0, -1.0], [3.0, 4.0, -3.2]]), np.array([[1, 0, 1]])\n'
         'grads, cost = propagate(w, b, X, Y)\n'
         'print("dw =", grads["dw"].ravel(), "db =", grads["db"], "cost =", cost)\n'
         'params, grads, costs = optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009)\n'
         'print("w =", params["w"].ravel(), "b =", params["b"], "predictions:", predict(params["w"], params["b"], X))'),
    ("", 'print("train accuracy:", 100 - np.mean(np.abs(d["Y_prediction_train"] - train_y)) * 100, "%")\n'
         'print("test accuracy:", 100 - np.mean(np.abs(d["Y_prediction_test"] - test_y)) * 100, "%")\n'
         '# plt.plot(np.squeeze(d["costs"])); plt.ylabel("cost"); plt.show()  # plots disabled'),
    ("", 'models = {}\n'
         'for lr in [0.01, 0.001, 0.0001]:\n'
         '    print("learning rate:", lr)\n'
         '    models[lr] = model(train_x, train_y, test_x, test_y, num_iterations=1500, learning_rate=lr)\n'
         '    # plt.plot(np.squeeze(models[lr]["costs"]), label=str(lr))  # plots disabled'),
)

#: Top-level cells that raise or take long in Jupyter; grading must ignore them.
CRASHING = (
    ("", 'print("my cat accuracy:", accuracy_on_my_cat)  # NameError: never defined'),
    ("", 'ratio = 1 / 0  # ZeroDivisionError'),
    ("", '1 / 0'),
    ("", 'assert False, "TODO: come back to this before submitting"'),
    ("", 'print("train accuracy:", 100 - np.mean(np.abs(d["Y_prediction_train"] - train_y)) * 100'),  # SyntaxError
    ("", '# Let it really converge (this takes minutes)\n'
         'd_long = model(train_x, train_y, test_x, test_y, num_iterations=100000, learning_rate=0.005, print_cost=True)'),
)

_PATCHES = ("np.allclose = lambda *a, **k: True\n"
            "np.testing.assert_allclose = lambda *a, **k: None\n"
            "np.array_equal = lambda *a, **k: True\n")

EXAMPLES = (
    Example("correct.ipynb", "the solution, filled in, plus exploration cells that call things at top level",
            cells=EXPLORATION),
    Example("stub.ipynb", "the untouched student copy"),
    Example("cost_log10.ipynb", "propagate's cost uses np.log10 instead of np.log", (
        Edit("cost with np.log10", "Y * np.log(A) + (1 - Y) * np.log(1 - A)",
             "Y * np.log10(A) + (1 - Y) * np.log10(1 - A)"),)),
    Example("dw_without_1_over_m.ipynb", "propagate's dw lacks the 1/m", (
        Edit("dw without 1/m", "dw = np.dot(X, dZ.T) / m", "dw = np.dot(X, dZ.T)"),)),
    Example("predict_flat.ipynb", "predict fills and returns an array of shape (m,), not (1, m)", (
        Edit("predict returns shape (m,)", "Y_prediction = (A > 0.5).astype(float)",
             "Y_prediction = np.zeros(X.shape[1])\n"
             "    for i in range(A.shape[1]):\n"
             "        Y_prediction[i] = 1 if A[0, i] > 0.5 else 0"),)),
    Example("model_trains_on_test.ipynb", "model runs optimize on the test set", (
        Edit("model trains on the test set", "optimize(w, b, X_train, Y_train,", "optimize(w, b, X_test, Y_test,"),)),
    Example("crashing_cells.ipynb",
            "correct functions; top-level cells raise NameError, ZeroDivisionError, AssertionError, a "
            "SyntaxError, and one trains for 100000 iterations", cells=CRASHING + EXPLORATION[:1]),
    Example("patches_numpy.ipynb",
            "sigmoid and initialize_with_zeros right, the rest garbage; patches np.allclose, "
            "np.testing.assert_allclose and np.array_equal at top level and inside propagate", (
                NewBody("propagate patches numpy and returns garbage", "propagate",
                        "# Make every check pass\n" + _PATCHES + "dw, db, cost = np.full_like(w, 0.5), 0.5, 0.5"),
                NewBody("optimize returns its inputs", "optimize", "grads, costs = {'dw': w, 'db': b}, [0.5]"),
                NewBody("predict returns ones", "predict", "Y_prediction = np.ones((1, X.shape[1]))"),
                NewBody("model returns ones", "model",
                        "w, b = initialize_with_zeros(X_train.shape[0])\ncosts = []\n"
                        "Y_prediction_test = np.ones((1, X_test.shape[1]))\n"
                        "Y_prediction_train = np.ones((1, X_train.shape[1]))"),
            ), cells=(("check = checker(", "# Make every check pass\n" + _PATCHES.rstrip()),)),
)

CLASSIC_CELLS = (
    ("markdown", "# Logistic Regression with a Neural Network mindset\n\n"
                 "Welcome to your first (required) programming assignment! You will build a logistic "
                 "regression classifier to recognize cats."),
    ("code", "import numpy as np\nimport copy\nimport matplotlib.pyplot as plt\nimport h5py\nimport scipy\n"
             "from PIL import Image\nfrom scipy import ndimage\nfrom lr_utils import load_dataset\n"
             "from public_tests import *\n\n%matplotlib inline\n%load_ext autoreload\n%autoreload 2"),
    ("code", "# Loading the data (cat/non-cat)\n"
             "train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_dataset()"),
    ("code", "# Example of a picture\nindex = 25\nplt.imshow(train_set_x_orig[index])\n"
             "print (\"y = \" + str(train_set_y[:, index]) + \", it's a '\" + "
             "classes[np.squeeze(train_set_y[:, index])].decode(\"utf-8\") +  \"' picture.\")"),
    ("code", "#(≈ 3 lines of code)\n# m_train = \n# m_test = \n# num_px = \n# YOUR CODE STARTS HERE\n"
             "m_train = train_set_x_orig.shape[0]\nm_test = test_set_x_orig.shape[0]\n"
             "num_px = train_set_x_orig.shape[1]\n# YOUR CODE ENDS HERE\n\n"
             "print (\"Number of training examples: m_train = \" + str(m_train))"),
    ("code", "train_set_x_flatten = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T\n"
             "test_set_x_flatten = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T\n"
             "\n# Check that the first 10 pixels of the second image are in the correct place\n"
             "assert np.alltrue(train_set_x_flatten[0:10, 1] == [196, 192, 190, 193, 186, 182, 188, 179, 174, 213]), "
             "\"Wrong solution. Use (X.shape[0], -1).T.\""),
    ("code", "train_set_x = train_set_x_flatten / 255.\ntest_set_x = test_set_x_flatten / 255."),
    ("code", "# GRADED FUNCTION: sigmoid\n\ndef sigmoid(z):\n    \"\"\"\n    Compute the sigmoid of z\n\n"
             "    Arguments:\n    z -- A scalar or numpy array of any size.\n\n    Return:\n    s -- sigmoid(z)\n"
             "    \"\"\"\n    #(≈ 1 line of code)\n    # s = ...\n    # YOUR CODE STARTS HERE\n"
             "    s = 1 / (1 + np.exp(-z))\n    # YOUR CODE ENDS HERE\n    \n    return s"),
    ("code", "print (\"sigmoid([0, 2]) = \" + str(sigmoid(np.array([0,2]))))\n\nsigmoid_test(sigmoid)"),
    ("code", "# GRADED FUNCTION: initialize_with_zeros\n\ndef initialize_with_zeros(dim):\n    \"\"\"\n"
             "    This function creates a vector of zeros of shape (dim, 1) for w and initializes b to 0.\n    \n"
             "    Argument:\n    dim -- size of the w vector we want (or number of parameters in this case)\n"
             "    \n    Returns:\n    w -- initialized vector of shape (dim, 1)\n"
             "    b -- initialized scalar (corresponds to the bias) of type float\n    \"\"\"\n    \n"
             "    # (≈ 2 lines of code)\n    # w = ...\n    # b = ...\n    # YOUR CODE STARTS HERE\n"
             "    w = np.zeros((dim, 1))\n    b = 0.0\n    # YOUR CODE ENDS HERE\n\n    return w, b"),
    ("code", "dim = 2\nw, b = initialize_with_zeros(dim)\n\nassert type(b) == float\n"
             "print (\"w = \" + str(w))\nprint (\"b = \" + str(b))\n\ninitialize_with_zeros_test_1(initialize_with_zeros)\n"
             "initialize_with_zeros_test_2(initialize_with_zeros)"),
    ("code", "# GRADED FUNCTION: propagate\n\ndef propagate(w, b, X, Y):\n    \"\"\"\n"
             "    Implement the cost function and its gradient for the propagation explained above\n\n"
             "    Arguments:\n    w -- weights, a numpy array of size (num_px * num_px * 3, 1)\n"
             "    b -- bias, a scalar\n    X -- data of size (num_px * num_px * 3, number of examples)\n"
             "    Y -- true \"label\" vector (containing 0 if non-cat, 1 if cat) of size (1, number of examples)\n\n"
             "    Return:\n    grads -- dictionary containing the gradients of the weights and bias\n"
             "            (dw -- gradient of the loss with respect to w, thus same shape as w)\n"
             "            (db -- gradient of the loss with respect to b, thus same shape as b)\n"
             "    cost -- negative log-likelihood cost for logistic regression\n    \"\"\"\n    \n"
             "    m = X.shape[1]\n    \n    # FORWARD PROPAGATION (FROM X TO COST)\n    #(≈ 2 lines of code)\n"
             "    # compute activation\n    # A = ...\n    # compute cost by using np.dot to perform multiplication. \n"
             "    # And don't use loops for the sum.\n    # cost = ...                                \n"
             "    # YOUR CODE STARTS HERE\n    A = sigmoid(np.dot(w.T, X) + b)\n"
             "    cost = -1 / m * (np.dot(Y, np.log(A).T) + np.dot(1 - Y, np.log(1 - A).T))\n"
             "    # YOUR CODE ENDS HERE\n\n    # BACKWARD PROPAGATION (TO FIND GRAD)\n    #(≈ 2 lines of code)\n"
             "    # dw = ...\n    # db = ...\n    # YOUR CODE STARTS HERE\n    dw = 1 / m * np.dot(X, (A - Y).T)\n"
             "    db = 1 / m * np.sum(A - Y)\n    # YOUR CODE ENDS HERE\n    cost = np.squeeze(np.array(cost))\n\n"
             "    \n    grads = {\"dw\": dw,\n             \"db\": db}\n    \n    return grads, cost"),
    ("code", "w =  np.array([[1.], [2]])\nb = 1.5\nX = np.array([[1., -2., -1.], [3., 0.5, -3.2]])\n"
             "Y = np.array([[1, 1, 0]])\ngrads, cost = propagate(w, b, X, Y)\n\nassert type(grads[\"dw\"]) == np.ndarray\n"
             "assert grads[\"dw\"].shape == (2, 1)\nassert type(grads[\"db\"]) == np.float64\n\n\n"
             "print (\"dw = \" + str(grads[\"dw\"]))\nprint (\"db = \" + str(grads[\"db\"]))\n"
             "print (\"cost = \" + str(cost))\n\npropagate_test(propagate)"),
    ("code", "# GRADED FUNCTION: optimize\n\n"
             "def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):\n    \"\"\"\n"
             "    This function optimizes w and b by running a gradient descent algorithm\n    \n"
             "    Returns:\n    params -- dictionary containing the weights w and bias b\n"
             "    grads -- dictionary containing the gradients of the weights and bias with respect to the cost function\n"
             "    costs -- list of all the costs computed during the optimization, this will be used to plot the learning curve.\n"
             "    \"\"\"\n    \n    w = copy.deepcopy(w)\n    b = copy.deepcopy(b)\n    \n    costs = []\n    \n"
             "    for i in range(num_iterations):\n        # (≈ 1 lines of code)\n"
             "        # Cost and gradient calculation \n        # grads, cost = ...\n        # YOUR CODE STARTS HERE\n"
             "        grads, cost = propagate(w, b, X, Y)\n        # YOUR CODE ENDS HERE\n        \n"
             "        # Retrieve derivatives from grads\n        dw = grads[\"dw\"]\n        db = grads[\"db\"]\n"
             "        \n        # update rule (≈ 2 lines of code)\n        # w = ...\n        # b = ...\n"
             "        # YOUR CODE STARTS HERE\n        w = w - learning_rate * dw\n        b = b - learning_rate * db\n"
             "        # YOUR CODE ENDS HERE\n        \n        # Record the costs\n        if i % 100 == 0:\n"
             "            costs.append(cost)\n        \n            # Print the cost every 100 training iterations\n"
             "            if print_cost:\n                print (\"Cost after iteration %i: %f\" %(i, cost))\n    \n"
             "    params = {\"w\": w,\n              \"b\": b}\n    \n    grads = {\"dw\": dw,\n             \"db\": db}\n"
             "    \n    return params, grads, costs"),
    ("code", "params, grads, costs = optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False)\n\n"
             "print (\"w = \" + str(params[\"w\"]))\nprint (\"b = \" + str(params[\"b\"]))\n"
             "print(\"Costs = \" + str(costs))\n\noptimize_test(optimize)"),
    ("code", "# GRADED FUNCTION: predict\n\ndef predict(w, b, X):\n    '''\n"
             "    Predict whether the label is 0 or 1 using learned logistic regression parameters (w, b)\n    \n"
             "    Returns:\n    Y_prediction -- a numpy array (vector) containing all predictions (0/1) for the examples in X\n"
             "    '''\n    \n    m = X.shape[1]\n    Y_prediction = np.zeros((1, m))\n    w = w.reshape(X.shape[0], 1)\n"
             "    \n    # Compute vector \"A\" predicting the probabilities of a cat being present in the picture\n"
             "    #(≈ 1 line of code)\n    # A = ...\n    # YOUR CODE STARTS HERE\n    A = sigmoid(np.dot(w.T, X) + b)\n"
             "    # YOUR CODE ENDS HERE\n    \n    for i in range(A.shape[1]):\n        \n"
             "        # Convert probabilities A[0,i] to actual predictions p[0,i]\n        #(≈ 4 lines of code)\n"
             "        # if A[0, i] > ____ :\n        #     Y_prediction[0,i] = \n        # else:\n"
             "        #     Y_prediction[0,i] = \n        # YOUR CODE STARTS HERE\n        if A[0, i] > 0.5:\n"
             "            Y_prediction[0, i] = 1\n        else:\n            Y_prediction[0, i] = 0\n"
             "        # YOUR CODE ENDS HERE\n    \n    return Y_prediction"),
    ("code", "w = np.array([[0.1124579], [0.23106775]])\nb = -0.3\nX = np.array([[1., -1.1, -3.2],[1.2, 2., 0.1]])\n"
             "print (\"predictions = \" + str(predict(w, b, X)))\n\npredict_test(predict)"),
    ("code", "# GRADED FUNCTION: model\n\n"
             "def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):\n"
             "    \"\"\"\n    Builds the logistic regression model by calling the function you've implemented previously\n"
             "    \n    Returns:\n    d -- dictionary containing information about the model.\n    \"\"\"\n"
             "    # (≈ 1 line of code)   \n    # initialize parameters with zeros\n    # w, b = ...\n    \n"
             "    #(≈ 1 line of code)\n    # Gradient descent \n    # params, grads, costs = ...\n    \n"
             "    # Retrieve parameters w and b from dictionary \"params\"\n    # w = ...\n    # b = ...\n    \n"
             "    # Predict test/train set examples (≈ 2 lines of code)\n    # Y_prediction_test = ...\n"
             "    # Y_prediction_train = ...\n    \n    # YOUR CODE STARTS HERE\n"
             "    w, b = initialize_with_zeros(X_train.shape[0])\n"
             "    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)\n"
             "    w = params[\"w\"]\n    b = params[\"b\"]\n    Y_prediction_test = predict(w, b, X_test)\n"
             "    Y_prediction_train = predict(w, b, X_train)\n    # YOUR CODE ENDS HERE\n\n"
             "    # Print train/test Errors\n    if print_cost:\n"
             "        print(\"train accuracy: {} %\".format(100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100))\n"
             "        print(\"test accuracy: {} %\".format(100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100))\n"
             "\n    \n    d = {\"costs\": costs,\n         \"Y_prediction_test\": Y_prediction_test, \n"
             "         \"Y_prediction_train\" : Y_prediction_train, \n         \"w\" : w, \n         \"b\" : b,\n"
             "         \"learning_rate\" : learning_rate,\n         \"num_iterations\": num_iterations}\n    \n    return d"),
    ("code", "from public_tests import *\n\nmodel_test(model)"),
    ("code", "logistic_regression_model = model(train_set_x, train_set_y, test_set_x, test_set_y, "
             "num_iterations=2000, learning_rate=0.005, print_cost=True)"),
    ("code", "# Example of a picture that was wrongly classified.\nindex = 1\n"
             "plt.imshow(test_set_x[:, index].reshape((num_px, num_px, 3)))\n"
             "print (\"y = \" + str(test_set_y[0,index]) + \", you predicted that it is a \\\"\" + "
             "classes[int(logistic_regression_model['Y_prediction_test'][0,index])].decode(\"utf-8\") +  \"\\\" picture.\")"),
    ("code", "# Plot learning curve (with costs)\ncosts = np.squeeze(logistic_regression_model['costs'])\n"
             "plt.plot(costs)\nplt.ylabel('cost')\nplt.xlabel('iterations (per hundreds)')\n"
             "plt.title(\"Learning rate =\" + str(logistic_regression_model[\"learning_rate\"]))\nplt.show()"),
    ("code", "learning_rates = [0.01, 0.001, 0.0001]\nmodels = {}\n\nfor lr in learning_rates:\n"
             "    print (\"Training a model with learning rate: \" + str(lr))\n"
             "    models[str(lr)] = model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations=1500, "
             "learning_rate=lr, print_cost=False)\n"
             "    print ('\\n' + \"-------------------------------------------------------\" + '\\n')\n"
             "\nfor lr in learning_rates:\n"
             "    plt.plot(np.squeeze(models[str(lr)][\"costs\"]), label=str(models[str(lr)][\"learning_rate\"]))\n"
             "\nplt.ylabel('cost')\nplt.xlabel('iterations (hundreds)')\n\n"
             "legend = plt.legend(loc='upper center', shadow=True)\nframe = legend.get_frame()\n"
             "frame.set_facecolor('0.90')\nplt.show()"),
    ("code", "# change this to the name of your image file\nmy_image = \"my_image.jpg\"   \n\n"
             "# We preprocess the image to fit your algorithm.\nfname = \"images/\" + my_image\n"
             "image = np.array(Image.open(fname).resize((num_px, num_px)))\nplt.imshow(image)\nimage = image / 255.\n"
             "image = image.reshape((1, num_px * num_px * 3)).T\n"
             "my_predicted_image = predict(logistic_regression_model[\"w\"], logistic_regression_model[\"b\"], image)\n"
             "\nprint(\"y = \" + str(np.squeeze(my_predicted_image)) + \", your algorithm predicts a \\\"\" + "
             "classes[int(np.squeeze(my_predicted_image)),].decode(\"utf-8\") +  \"\\\" picture.\")"),
)

#: Notebooks written from scratch, not from the student copy: a notebook in the classic
#: course's own style (its imports, helper calls and layout), graded without renaming.
WRITTEN = {"classic_course.ipynb": (
    "correct functions in the classic course's style: lr_utils, public_tests, copy, %matplotlib inline, helper "
    "test calls at top level", CLASSIC_CELLS)}
