# language: fr
Fonctionnalité: Étape 3bis, cas 2 – Trop de demandes successives
  Pour des raisons de sécurité, l'assuré ne peut pas demander plusieurs mails successifs
  de renouvellement. Au bout d'un certain nombre de demandes, un message d'erreur est
  affiché et le service est bloqué durant une courte période, jusqu'à une heure donnée
  en heure de Paris. Le nombre de demandes et la période sont ceux que déclare le profil
  de la cible.

  Contexte:
    Étant donné un assuré dont le compte ameli a une adresse mail validée

  @E3BIS-2-BLOCAGE
  Plan du scénario: Au-delà du nombre maximum de demandes, le service est bloqué jusqu'à l'heure affichée
    Étant donné que nous sommes le <jour> à <heure>, heure de Paris
    Et que j'ai fait le nombre maximum de demandes de renouvellement, à une minute d'intervalle
    Quand je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le nombre maximum de demandes de renouvellement de mot de passe a été atteint. »
    Et la page indique que le service est bloqué jusqu'à la fin du blocage, en heure de Paris
    Et aucun nouveau mail n'est envoyé
    Quand l'heure de fin du blocage est arrivée
    Et je demande une nouvelle fois le renouvellement de mon mot de passe
    Alors la page affiche « Le mail a bien été envoyé à »

    Exemples:
      | jour       | heure                    | cas                                       |
      | 26/12/2022 | 13h30                    | en hiver                                  |
      | 14/07/2023 | 10h05                    | en été                                    |
      | 26/03/2023 | 01h30                    | le blocage passe à l'heure d'été          |
      | 29/10/2023 | 02h30 (heure d'été)      | le blocage passe à l'heure d'hiver        |
