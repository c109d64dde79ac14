# language: fr
Fonctionnalité: Étape 3 – L'assuré est invité à se rendre dans sa boîte mail
  Une fois le formulaire complet envoyé, la page indique l'adresse à laquelle le mail
  a été envoyé, masquée (t***@t***.com), et invite l'assuré à continuer depuis sa boîte mail.

  @E3-ENVOI
  Scénario: Une demande complète envoie un seul mail, à l'adresse du compte
    Étant donné un assuré dont le compte ameli a une adresse mail validée
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je saisis mon numéro de sécurité sociale, ma date de naissance et mon adresse mail
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à » suivi de mon adresse masquée
    Et la page affiche « Vous pouvez dès à présent vous connecter sur votre adresse mail pour continuer la procédure. »
    Et la page affiche « Vous n'avez plus accès à votre adresse mail ? Merci de contacter votre caisse au 3646. »
    Et la page propose « Retourner à la page de connexion »
    Et je reçois un seul mail, à l'adresse de mon compte

  @E3-ENVOI
  Plan du scénario: L'adresse est masquée comme dans le guide
    Étant donné un assuré dont l'adresse mail validée est « <adresse> »
    Et que je suis sur le formulaire « Mot de passe oublié »
    Quand je remplis le formulaire avec mes informations
    Et je recopie les caractères de l'image
    Et je clique sur « Recevoir le mail »
    Alors la page affiche « Le mail a bien été envoyé à <adresse masquée> »

    Exemples:
      | adresse                       | adresse masquée |
      | thomas@test.com               | t***@t***.com   |
      | jean.dupont@orange.fr         | j***@o***.fr    |
      | Marie-Anne.Durand@laposte.net | M***@l***.net   |
      | a@b.co.uk                     | a***@b***.uk    |
